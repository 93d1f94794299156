package coopstats.bronze;

import coopstats.contract.LandingContract;
import coopstats.contract.Lineage;
import coopstats.contract.SourceProfile;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one delivered file (its path and bytes) into bronze rows through the source's profile. Runs
 * on executors: a file is the unit of parallelism, and every row keeps its line number.
 */
final class BronzeReader implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Logger LOG = LoggerFactory.getLogger(BronzeReader.class);

  private final SourceProfile profile;

  /**
   * The headers a file or a sheet is read by: each bronze column's header, and its header key in
   * the same order. A workbook's sheets may name a column differently.
   */
  private record Headers(String sheet, Map<String, String> mapping, List<String> mappedKeys)
      implements java.io.Serializable {
    static Headers of(String sheet, Map<String, String> mapping) {
      return new Headers(
          sheet, mapping, mapping.values().stream().map(BronzeReader::headerKey).toList());
    }
  }

  /** The headers of a CSV or JSON Lines file. */
  private final Headers plain;

  /** The sheets read from each workbook, with their headers; a null sheet is the first. */
  private final List<Headers> sheets;

  private final List<String> required;

  /** The source's bronze columns after the lineage columns, in order. */
  private final List<String> bronzeColumns;

  private final String landingRoot;
  private final String runId;
  private final Timestamp ingestedAt;

  BronzeReader(
      SourceProfile profile,
      LandingContract contract,
      String landingRoot,
      String runId,
      Timestamp ingestedAt) {
    this.profile = profile;
    this.plain = Headers.of(null, profile.headerMapping(contract));
    this.sheets =
        profile.workbookSheets().stream()
            .map(s -> Headers.of(s.sheet(), profile.headerMapping(contract, s)))
            .toList();
    this.required =
        contract.requiredColumns().stream()
            .filter(c -> !profile.constantsOrEmpty().containsKey(c))
            .filter(c -> !c.equals("record_id") || !profile.keyColumns().isEmpty())
            .filter(c -> !profile.unpivotedColumns().contains(c))
            .toList();
    this.bronzeColumns = List.copyOf(plain.mapping().keySet());
    this.landingRoot = landingRoot.endsWith("/") ? landingRoot : landingRoot + "/";
    this.runId = runId;
    this.ingestedAt = ingestedAt;
  }

  @Override
  public Iterator<Row> call(Row file) {
    String path = file.getString(0);
    byte[] bytes = (byte[]) file.get(1);
    String relative = path.startsWith(landingRoot) ? path.substring(landingRoot.length()) : path;
    if (profile.isWorkbook(relative)) {
      return workbookRows(relative, bytes).iterator();
    }
    Decoding.Decoded text = Decoding.decode(bytes, profile.encoding(), profile.fallbackEncoding());
    return profile.isJsonLines(relative)
        ? jsonRows(relative, JsonRecords.split(text.text())).iterator()
        : csvFile(relative, CsvRecords.split(text.text())).iterator();
  }

  /**
   * A CSV file's rows. Without {@code header_row} its first record is the header; with it, the
   * header is that line (a number) or the first record that holds the header of every required
   * column ({@code auto}), and the records above it are titles, not data.
   */
  private List<Row> csvFile(String file, List<Record> records) {
    if (profile.headerRow() == null || records.isEmpty()) {
      return csvRows(file, records, plain);
    }
    int number = profile.headerRowNumber();
    List<String> requiredKeys =
        required.stream().map(c -> headerKey(plain.mapping().get(c))).toList();
    for (int i = 0; i < records.size(); i++) {
      Record r = records.get(i);
      boolean isHeader =
          number > 0
              ? r.line() == number
              : r.values() != null
                  && r.values().stream()
                      .map(BronzeReader::headerKey)
                      .toList()
                      .containsAll(requiredKeys);
      if (isHeader) {
        return csvRows(file, records.subList(i, records.size()), plain);
      }
    }
    Broken broken =
        Broken.headerNotFound(
            required.stream().map(plain.mapping()::get).toList(),
            plain.mapping().values(),
            file,
            number);
    return List.of(fileRow(file, broken, plain));
  }

  private List<Row> csvRows(String file, List<Record> records, Headers h) {
    List<Row> rows = new ArrayList<>();
    if (records.isEmpty()) {
      return rows;
    }
    Record first = records.get(0);
    List<String> headers = first.values() == null ? List.of() : first.values();
    List<String> keys = headers.stream().map(BronzeReader::headerKey).toList();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.putIfAbsent(keys.get(i), i);
    }
    Broken fileBroken =
        first.values() == null
            ? Broken.malformed(
                "the header (line "
                    + first.line()
                    + ") cannot be read: "
                    + first.error()
                    + "; expected "
                    + h.mapping().values())
            : missingColumns(index.keySet(), headers, h);
    Unpivoting unpivot =
        profile.unpivot() == null || fileBroken != null
            ? null
            : new Unpivoting(
                profile, headers, h.mappedKeys(), bronzeColumns, Lineage.BRONZE.size());
    if (unpivot != null && unpivot.lacksTotal()) {
      LOG.warn(
          "{}{}: no column is headed '{}', the profile's unpivot total, so its rows' totals are"
              + " not checked",
          file,
          h.sheet() == null ? "" : ", sheet '" + h.sheet() + "'",
          profile.unpivot().total());
    }
    FileLayout layout =
        new FileLayout(keys, h.mappedKeys(), unpivot == null ? Set.of() : unpivot.cellColumns());
    for (Record r : records.subList(1, records.size())) {
      Broken broken = r.error() != null ? Broken.malformed(r.error()) : fileBroken;
      if (r.values() != null && r.values().size() == headers.size()) {
        Object[] out = layout.values(r.values(), Lineage.BRONZE.size());
        lineage(out, file, h.sheet(), r, broken, layout.rescued(r.values()));
        if (unpivot != null && broken == null) {
          unpivot.cells(out, r.values(), file, h.sheet(), r.line()).stream()
              .map(RowFactory::create)
              .forEach(rows::add);
          continue;
        }
        rows.add(RowFactory.create(out));
      } else {
        rows.add(irregularCsvRow(file, r, broken, keys, h));
      }
    }
    return rows;
  }

  /**
   * A CSV row without as many fields as the header: its fields by header key, those past the header
   * as {@code _c<index>}; the row is malformed unless it already broke a rule.
   */
  private Row irregularCsvRow(String file, Record r, Broken broken, List<String> keys, Headers h) {
    Map<String, String> values = new LinkedHashMap<>();
    if (r.values() != null) {
      for (int i = 0; i < r.values().size(); i++) {
        values.put(i < keys.size() ? keys.get(i) : "_c" + i, r.values().get(i));
      }
      if (broken == null) {
        broken =
            Broken.malformed(
                "the row has " + r.values().size() + " fields but the header has " + keys.size());
      }
    }
    return row(file, r, broken, values, new LinkedHashMap<>(), h);
  }

  /** Each sheet the profile reads, one after the other, as rows of the same bronze table. */
  private List<Row> workbookRows(String file, byte[] bytes) {
    List<Row> rows = new ArrayList<>();
    for (Headers h : sheets) {
      rows.addAll(sheetRows(file, bytes, h));
    }
    return rows;
  }

  /**
   * A workbook's sheet is read as a CSV file whose header is the sheet's header row. A workbook
   * that cannot be read, or whose header is not found, gives one row for the whole file (line 0)
   * that carries the reason, so it reaches quarantine and the run's summary instead of vanishing.
   */
  private List<Row> sheetRows(String file, byte[] bytes, Headers wanted) {
    WorkbookRecords.SheetRows sheet = WorkbookRecords.read(bytes, wanted.sheet());
    // Bronze keeps the name of the sheet the rows came from, or the one the profile asked for.
    Headers h =
        Headers.of(sheet.error() == null ? sheet.sheet() : wanted.sheet(), wanted.mapping());
    if (sheet.error() != null) {
      return List.of(fileRow(file, Broken.unreadable(file, sheet.sheet(), sheet.error()), h));
    }
    List<String> requiredKeys = required.stream().map(c -> headerKey(h.mapping().get(c))).toList();
    List<Record> records =
        WorkbookHeader.fromHeader(sheet, profile.headerRowNumber(), requiredKeys);
    if (records != null) {
      return csvRows(file, records, h);
    }
    String where = file + ", sheet '" + sheet.sheet() + "'";
    return List.of(
        fileRow(
            file,
            Broken.headerNotFound(
                required.stream().map(h.mapping()::get).toList(),
                h.mapping().values(),
                where,
                profile.headerRowNumber()),
            h));
  }

  /** The one row of a file that could not be read as records: no values, line 0. */
  private Row fileRow(String file, Broken broken, Headers h) {
    return row(
        file,
        new Record(0, null, null, null),
        broken,
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        h);
  }

  private List<Row> jsonRows(String file, List<Record> records) {
    List<Row> rows = new ArrayList<>();
    // Every line names its keys again; each distinct key is normalised once per file.
    Map<String, String> keys = new HashMap<>();
    // Lines with the same keys in the same order lack the same required columns.
    Map<List<String>, Broken> missing = new HashMap<>();
    for (Record r : records) {
      Map<String, String> values = new LinkedHashMap<>();
      if (r.values() != null) {
        for (int i = 0; i + 1 < r.values().size(); i += 2) {
          values.put(
              keys.computeIfAbsent(r.values().get(i), BronzeReader::headerKey),
              r.values().get(i + 1));
        }
      }
      Broken broken = r.error() == null ? null : Broken.malformed(r.error());
      if (broken == null) {
        List<String> found = new ArrayList<>(values.keySet());
        if (!missing.containsKey(found)) {
          missing.put(found, missingColumns(found, found, plain));
        }
        broken = missing.get(found);
      }
      rows.add(row(file, r, broken, values, new LinkedHashMap<>(), plain));
    }
    return rows;
  }

  private void lineage(
      Object[] out, String file, String sheet, Record r, Broken broken, String rescued) {
    out[0] = profile.source();
    out[1] = file;
    out[2] = r.line();
    out[3] = runId;
    out[4] = ingestedAt;
    out[5] = r.raw();
    out[6] = broken == null ? null : broken.reason();
    out[7] = rescued;
    out[8] = broken == null ? null : broken.rule().ruleName();
    out[9] = sheet;
  }

  /** Builds a bronze row; values not mapped to a bronze column are kept in {@code _rescued}. */
  private Row row(
      String file,
      Record r,
      Broken broken,
      Map<String, String> values,
      Map<String, String> rescued,
      Headers h) {
    Object[] out = new Object[Lineage.BRONZE.size() + h.mapping().size()];
    int i = Lineage.BRONZE.size();
    Map<String, String> unmapped = new LinkedHashMap<>(values);
    for (String key : h.mappedKeys()) {
      out[i++] = values.get(key);
      unmapped.remove(key);
    }
    rescued.putAll(unmapped);
    lineage(
        out, file, h.sheet(), r, broken, rescued.isEmpty() ? null : BronzeSchema.rescued(rescued));
    return RowFactory.create(out);
  }

  private Broken missingColumns(
      java.util.Collection<String> found, List<String> headers, Headers h) {
    List<String> missing = new ArrayList<>();
    for (String column : required) {
      if (!found.contains(headerKey(h.mapping().get(column)))) {
        missing.add(h.mapping().get(column));
      }
    }
    return missing.isEmpty() ? null : Broken.missingColumns(missing, h.mapping().values(), headers);
  }

  /** Headers match trimmed, case-insensitive, with inner spacing collapsed. */
  static String headerKey(String header) {
    return header == null
        ? ""
        : SPACES.matcher(header.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
