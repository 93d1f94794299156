package coopstats.bronze;

import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.contract.LandingContract;
import coopstats.contract.SourceProfile;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one delivered file (its path and bytes) into bronze rows through the source's profile. Runs
 * on executors: a file is the unit of parallelism, and every row keeps its line number.
 */
final class BronzeReader implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> LINEAGE =
      List.of(
          "_source",
          "_file",
          "_line",
          "_run_id",
          "_ingested_at",
          "_raw",
          "_error",
          "_rescued",
          BronzeRule.COLUMN);
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final SourceProfile profile;
  private final Map<String, String> mapping;

  /** The header key of each mapped column, in the order of {@link #mapping}. */
  private final List<String> mappedKeys;

  private final List<String> required;
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
    this.mapping = profile.headerMapping(contract);
    this.mappedKeys = mapping.values().stream().map(BronzeReader::headerKey).toList();
    this.required =
        contract.requiredColumns().stream()
            .filter(c -> !profile.constantsOrEmpty().containsKey(c))
            .filter(c -> !c.equals("record_id") || !profile.keyColumns().isEmpty())
            .toList();
    this.landingRoot = landingRoot.endsWith("/") ? landingRoot : landingRoot + "/";
    this.runId = runId;
    this.ingestedAt = ingestedAt;
  }

  /** The bronze schema of a source: lineage columns, then its mapped columns, all text. */
  static StructType schema(SourceProfile profile, LandingContract contract) {
    StructType s =
        new StructType()
            .add("_source", DataTypes.StringType, false)
            .add("_file", DataTypes.StringType, false)
            .add("_line", DataTypes.LongType, false)
            .add("_run_id", DataTypes.StringType, false)
            .add("_ingested_at", DataTypes.TimestampType, false)
            .add("_raw", DataTypes.StringType)
            .add("_error", DataTypes.StringType)
            .add("_rescued", DataTypes.StringType)
            .add(BronzeRule.COLUMN, DataTypes.StringType);
    for (String column : profile.headerMapping(contract).keySet()) {
      s = s.add(column, DataTypes.StringType);
    }
    return s;
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
        : csvRows(relative, CsvRecords.split(text.text())).iterator();
  }

  private List<Row> csvRows(String file, List<Record> records) {
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
                    + mapping.values())
            : missingColumns(index.keySet(), headers);
    FileLayout layout = new FileLayout(keys);
    for (Record r : records.subList(1, records.size())) {
      Broken broken = r.error() != null ? Broken.malformed(r.error()) : fileBroken;
      if (r.values() != null && r.values().size() == headers.size()) {
        rows.add(layout.row(file, r, broken));
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> rescued = new LinkedHashMap<>();
      if (r.values() != null) {
        for (int i = 0; i < r.values().size(); i++) {
          values.put(i < keys.size() ? keys.get(i) : "_c" + i, r.values().get(i));
        }
        if (broken == null && r.values().size() != headers.size()) {
          broken =
              Broken.malformed(
                  "the row has "
                      + r.values().size()
                      + " fields but the header has "
                      + headers.size());
        }
      }
      rows.add(row(file, r, broken, values, rescued));
    }
    return rows;
  }

  /**
   * A workbook's sheet is read as a CSV file whose header is the sheet's header row. A workbook
   * that cannot be read, or whose header is not found, gives one row for the whole file (line 0)
   * that carries the reason, so it reaches quarantine and the run's summary instead of vanishing.
   */
  private List<Row> workbookRows(String file, byte[] bytes) {
    WorkbookRecords.SheetRows sheet = WorkbookRecords.read(bytes, profile.sheet());
    if (sheet.error() != null) {
      return List.of(
          fileRow(
              file,
              new Broken(
                  BronzeRule.UNREADABLE_FILE, file + ", " + sheet.sheet() + ": " + sheet.error())));
    }
    List<String> requiredKeys = required.stream().map(c -> headerKey(mapping.get(c))).toList();
    List<Record> records =
        WorkbookHeader.fromHeader(sheet, profile.headerRowNumber(), requiredKeys);
    if (records != null) {
      return csvRows(file, records);
    }
    List<String> headers = required.stream().map(mapping::get).toList();
    String where = file + ", sheet '" + sheet.sheet() + "'";
    return List.of(
        fileRow(
            file,
            new Broken(
                BronzeRule.MISSING_COLUMN,
                BronzeRule.MISSING_COLUMN_REASON
                    + headers
                    + ": "
                    + (profile.headerRowNumber() > 0
                        ? "row " + profile.headerRowNumber() + " of " + where + " is blank"
                        : "no row of " + where + " holds them all")
                    + "; expected "
                    + mapping.values()
                    + ". Set header_row: in the source's profile, or map the headers under"
                    + " columns:")));
  }

  /** The one row of a file that could not be read as records: no values, line 0. */
  private Row fileRow(String file, Broken broken) {
    return row(
        file,
        new Record(0, null, null, null),
        broken,
        new LinkedHashMap<>(),
        new LinkedHashMap<>());
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
          missing.put(found, missingColumns(found, found));
        }
        broken = missing.get(found);
      }
      rows.add(row(file, r, broken, values, new LinkedHashMap<>()));
    }
    return rows;
  }

  /**
   * Where a CSV file's header puts each column, worked out once per file: the rows that have as
   * many fields as the header are built from it without a map per row. It gives the rows {@link
   * #row} gives: a header named twice takes its last column, and unmapped columns go to {@code
   * _rescued} in header order.
   */
  private final class FileLayout {
    /** Per mapped bronze column, the index of its header's last column, or -1. */
    private final int[] mapped;

    /**
     * The header keys no bronze column maps, in order of first appearance, with their last column.
     */
    private final List<String> unmappedKeys = new ArrayList<>();

    private final List<Integer> unmappedIndices = new ArrayList<>();

    FileLayout(List<String> keys) {
      Map<String, Integer> last = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        last.put(keys.get(i), i);
      }
      mapped = new int[mappedKeys.size()];
      for (int k = 0; k < mappedKeys.size(); k++) {
        mapped[k] = last.getOrDefault(mappedKeys.get(k), -1);
      }
      last.forEach(
          (key, index) -> {
            if (!mappedKeys.contains(key)) {
              unmappedKeys.add(key);
              unmappedIndices.add(index);
            }
          });
    }

    Row row(String file, Record r, Broken broken) {
      Object[] out = new Object[LINEAGE.size() + mapped.length];
      List<String> fields = r.values();
      for (int k = 0; k < mapped.length; k++) {
        out[LINEAGE.size() + k] = mapped[k] < 0 ? null : fields.get(mapped[k]);
      }
      String rescued = null;
      if (!unmappedKeys.isEmpty()) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int u = 0; u < unmappedKeys.size(); u++) {
          extra.put(unmappedKeys.get(u), fields.get(unmappedIndices.get(u)));
        }
        rescued = toJson(extra);
      }
      lineage(out, file, r, broken, rescued);
      return RowFactory.create(out);
    }
  }

  private void lineage(Object[] out, String file, Record r, Broken broken, String rescued) {
    out[0] = profile.source();
    out[1] = file;
    out[2] = r.line();
    out[3] = runId;
    out[4] = ingestedAt;
    out[5] = r.raw();
    out[6] = broken == null ? null : broken.reason();
    out[7] = rescued;
    out[8] = broken == null ? null : broken.rule().ruleName();
  }

  /** Builds a bronze row; values not mapped to a bronze column are kept in {@code _rescued}. */
  private Row row(
      String file,
      Record r,
      Broken broken,
      Map<String, String> values,
      Map<String, String> rescued) {
    Object[] out = new Object[LINEAGE.size() + mapping.size()];
    int i = LINEAGE.size();
    Map<String, String> unmapped = new LinkedHashMap<>(values);
    for (String key : mappedKeys) {
      out[i++] = values.get(key);
      unmapped.remove(key);
    }
    rescued.putAll(unmapped);
    lineage(out, file, r, broken, rescued.isEmpty() ? null : toJson(rescued));
    return RowFactory.create(out);
  }

  private Broken missingColumns(java.util.Collection<String> found, List<String> headers) {
    List<String> missing = new ArrayList<>();
    for (String column : required) {
      if (!found.contains(headerKey(mapping.get(column)))) {
        missing.add(mapping.get(column));
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    return new Broken(
        BronzeRule.MISSING_COLUMN,
        BronzeRule.MISSING_COLUMN_REASON
            + missing
            + "; expected "
            + mapping.values()
            + ", found "
            + headers);
  }

  /** Headers match trimmed, case-insensitive, with inner spacing collapsed. */
  static String headerKey(String header) {
    return header == null
        ? ""
        : SPACES.matcher(header.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  private static String toJson(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
