package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one landing source is read: the record kind it feeds, its format and encoding, the mapping
 * from its headers to canonical columns, constants for columns the files leave out, its record key,
 * whether each delivery is incremental or a full snapshot, and the series its rows belong to. A
 * workbook source also names its sheet and the row its header is on (a CSV source may too); a wide
 * table says which columns it unpivots, and a source of net flows says so.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SourceProfile(
    String source,
    String series,
    String kind,
    String description,
    String format,
    String encoding,
    String fallbackEncoding,
    String delivery,
    List<String> key,
    Map<String, String> columns,
    Map<String, String> extraColumns,
    Map<String, String> constants,
    String onMissingColumn,
    String sheet,
    List<SourceProfile.Sheet> sheets,
    String headerRow,
    SourceProfile.Unpivot unpivot,
    Boolean netFlows)
    implements java.io.Serializable {

  /**
   * How a wide table (one column per year, or per country) becomes records: each non-blank cell of
   * a column whose trimmed header matches {@code columns} is one record, its header in the
   * canonical column {@code nameTo} and its value in {@code valueTo}. A table with a column of its
   * own totals names it in {@code total}: each row's total must equal the sum of the cells read
   * from that row, within {@code totalTolerance} (0 by default), in the file's own units.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Unpivot(
      String columns,
      String nameTo,
      String valueTo,
      String total,
      java.math.BigDecimal totalTolerance)
      implements java.io.Serializable {
    /** How far a row's total may be from the sum of its cells: rounding in the publication. */
    public java.math.BigDecimal toleranceOrZero() {
      return totalTolerance == null ? java.math.BigDecimal.ZERO : totalTolerance;
    }

    /** Which headers are unpivoted: those that {@code columns} matches once trimmed. */
    public java.util.function.Predicate<String> headers() {
      java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(columns);
      return header -> header != null && pattern.matcher(header.strip()).find();
    }

    String problem(java.util.Set<String> canonical) {
      if (columns == null || nameTo == null || valueTo == null) {
        return "unpivot needs columns (a regular expression over the headers), name_to and"
            + " value_to (the canonical columns that receive a cell's header and its value)";
      }
      try {
        java.util.regex.Pattern.compile(columns);
      } catch (java.util.regex.PatternSyntaxException e) {
        return "unpivot columns '"
            + columns
            + "' is not a regular expression: "
            + e.getDescription();
      }
      if (total == null && totalTolerance != null) {
        return "unpivot total_tolerance needs total: the header of the file's own total column";
      }
      if (total != null && total.isBlank()) {
        return "unpivot total is empty: name the header of the file's own total column";
      }
      if (totalTolerance != null && totalTolerance.signum() < 0) {
        return "unpivot total_tolerance " + totalTolerance + " is negative";
      }
      for (String c : List.of(nameTo, valueTo)) {
        if (!canonical.contains(c)) {
          return "unpivot names column '" + c + "', which is not one of " + canonical;
        }
      }
      return nameTo.equals(valueTo)
          ? "unpivot name_to and value_to are both '" + nameTo + "'"
          : null;
    }
  }

  /** True when the source's flows are net of disinvestment, so a negative amount is valid. */
  public boolean isNetFlows() {
    return Boolean.TRUE.equals(netFlows);
  }

  /** The canonical columns a cell of an unpivoted column fills, which no header maps. */
  public java.util.Set<String> unpivotedColumns() {
    return unpivot == null
        ? java.util.Set.of()
        : java.util.Set.of(unpivot.nameTo(), unpivot.valueTo());
  }

  /** What is wrong with the profile's unpivot against the kind's columns, or null. */
  public String unpivotProblem(LandingContract contract) {
    if (unpivot == null) {
      return null;
    }
    if ("jsonl".equals(format)) {
      return "unpivot applies to CSV files and workbooks: set format: csv, xlsx, xls or auto";
    }
    java.util.Set<String> canonical = new java.util.TreeSet<>();
    contract.columns().forEach(c -> canonical.add(c.name()));
    String problem = unpivot.problem(canonical);
    if (problem == null && columns != null) {
      for (String c : unpivotedColumns()) {
        if (columns.containsKey(c)) {
          return "column '"
              + c
              + "' is filled by unpivot, so columns must not map it from a header";
        }
      }
    }
    return problem;
  }

  /**
   * One sheet of a workbook that a source reads, with the series its rows belong to (by default the
   * profile's) and the headers that differ on it from the profile's {@code columns}.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Sheet(String sheet, String series, Map<String, String> columns)
      implements java.io.Serializable {
    /** This sheet's name, trimmed and in lower case, as sheet names are matched. */
    String matchKey() {
      return sheet == null ? null : sheet.strip().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What a file that lacks a required column does to the run. Either way its rows go to quarantine
   * as {@code missing_column} and the other files are published; {@code fail} also ends the run
   * with exit 65, for sources whose files must never be skipped unnoticed.
   */
  public enum OnMissingColumn {
    QUARANTINE,
    FAIL
  }

  /**
   * The series the source's rows belong to: the profile's {@code series}, else the source's own
   * name. Sources that measure the same flow the same way share a series; gold computes every
   * statistic within one series, never across them.
   */
  public String seriesName() {
    return series == null ? source : series;
  }

  /**
   * The series of a row read from {@code sheet} (null for a CSV or JSON Lines file): the series the
   * profile's {@code sheets} give that sheet, else the profile's.
   */
  public String seriesOf(String sheet) {
    if (sheet != null && sheets != null) {
      String key = sheet.strip().toLowerCase(java.util.Locale.ROOT);
      for (Sheet s : sheets) {
        if (key.equals(s.matchKey()) && s.series() != null) {
          return s.series();
        }
      }
    }
    return seriesName();
  }

  /** Every series the source's rows can belong to. */
  public List<String> allSeries() {
    java.util.Set<String> all = new java.util.TreeSet<>();
    all.add(seriesName());
    if (sheets != null) {
      sheets.stream().map(Sheet::series).filter(java.util.Objects::nonNull).forEach(all::add);
    }
    return List.copyOf(all);
  }

  /**
   * The sheets read from each workbook: the profile's {@code sheets}, else its one {@code sheet}
   * (null: the first sheet).
   */
  public List<Sheet> workbookSheets() {
    return sheets != null ? sheets : List.of(new Sheet(sheet, null, null));
  }

  public OnMissingColumn onMissingColumnOrDefault() {
    return onMissingColumn == null
        ? OnMissingColumn.QUARANTINE
        : OnMissingColumn.valueOf(onMissingColumn.toUpperCase(java.util.Locale.ROOT));
  }

  /** What is wrong with the profile's settings, or null. */
  public String problem() {
    if (kind == null) {
      return "kind is missing";
    }
    if (delivery != null && !List.of("incremental", "snapshot").contains(delivery)) {
      return "delivery '" + delivery + "' is not one of [incremental, snapshot]";
    }
    if (onMissingColumn != null && !List.of("quarantine", "fail").contains(onMissingColumn)) {
      return "on_missing_column '" + onMissingColumn + "' is not one of [quarantine, fail]";
    }
    if (format != null && !FORMATS.contains(format)) {
      return "format '" + format + "' is not one of " + FORMATS;
    }
    return workbookProblem();
  }

  private static final List<String> FORMATS = List.of("csv", "jsonl", "xlsx", "xls", "auto");

  private String workbookProblem() {
    boolean workbooks = List.of("xlsx", "xls", "auto").contains(format);
    if ("jsonl".equals(format) && headerRow != null) {
      return "header_row applies to CSV files and workbooks: set format: csv, xlsx, xls or auto, or"
          + " remove it";
    }
    if (!workbooks && (sheet != null || sheets != null)) {
      return (sheet != null ? "sheet" : "sheets")
          + " applies to workbooks only: set format: xlsx, xls (or auto), or remove it";
    }
    if (sheet != null && sheets != null) {
      return "sheet and sheets are both set: name one sheet under sheet, or list every sheet to"
          + " read under sheets";
    }
    if (sheets != null) {
      String problem = sheetsProblem();
      if (problem != null) {
        return problem;
      }
    }
    if (sheet != null && sheet.isBlank()) {
      return "sheet is empty: name a sheet of the workbook, or remove the key to read the first";
    }
    if (headerRow != null && !"auto".equals(headerRow) && headerRowNumber() < 1) {
      return "header_row '"
          + headerRow
          + "' is not auto or a row number (1 is the first row, as Excel shows it)";
    }
    return null;
  }

  private String sheetsProblem() {
    if (sheets.isEmpty()) {
      return "sheets is empty: list the sheets to read, or remove the key to read the first";
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Sheet s : sheets) {
      if (s.sheet() == null || s.sheet().isBlank()) {
        return "an entry of sheets has no sheet: give each entry the name of a sheet";
      }
      if (!seen.add(s.matchKey())) {
        return "sheet '" + s.sheet() + "' is listed twice under sheets";
      }
    }
    return null;
  }

  /**
   * The 1-based row of a workbook's or CSV file's header, or 0 for {@code auto}: the first row that
   * holds the header of every required column.
   */
  public int headerRowNumber() {
    if (headerRow == null || "auto".equals(headerRow)) {
      return 0;
    }
    try {
      return Integer.parseInt(headerRow.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * An Excel workbook when the profile says so ({@code xlsx} or {@code xls}: either kind, told
   * apart by the file's content), or, for {@code format: auto}, by extension.
   */
  public boolean isWorkbook(String file) {
    if ("auto".equals(format)) {
      String f = file.toLowerCase(java.util.Locale.ROOT);
      return f.endsWith(".xlsx") || f.endsWith(".xls");
    }
    return "xlsx".equals(format) || "xls".equals(format);
  }

  public boolean isSnapshot() {
    return "snapshot".equals(delivery);
  }

  /** JSON Lines when the profile says so, or, for {@code format: auto}, by the file's extension. */
  public boolean isJsonLines(String file) {
    if ("auto".equals(format)) {
      String f = file.toLowerCase(java.util.Locale.ROOT);
      return f.endsWith(".jsonl") || f.endsWith(".ndjson") || f.endsWith(".json");
    }
    return "jsonl".equals(format);
  }

  public List<String> keyColumns() {
    return key == null ? List.of() : key;
  }

  /**
   * Bronze column name to the header it is read from: the kind's canonical columns (by their own
   * name unless the profile maps them), then the profile's extra columns.
   */
  public Map<String, String> headerMapping(LandingContract contract) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (LandingContract.Column c : contract.columns()) {
      String header = columns == null ? null : columns.get(c.name());
      mapping.put(c.name(), header == null ? c.name() : header);
    }
    if (extraColumns != null) {
      mapping.putAll(extraColumns);
    }
    return mapping;
  }

  /** The mapping on one sheet: the profile's, with the headers the sheet names instead. */
  public Map<String, String> headerMapping(LandingContract contract, Sheet sheet) {
    Map<String, String> mapping = headerMapping(contract);
    if (sheet.columns() != null) {
      mapping.putAll(sheet.columns());
    }
    return mapping;
  }

  public Map<String, String> constantsOrEmpty() {
    return constants == null ? Map.of() : constants;
  }
}
