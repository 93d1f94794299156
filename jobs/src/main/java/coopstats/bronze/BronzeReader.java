package coopstats.bronze;

import com.fasterxml.jackson.databind.ObjectMapper;
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
            .add(Lineage.SOURCE, DataTypes.StringType, false)
            .add(Lineage.FILE, DataTypes.StringType, false)
            .add(Lineage.LINE, DataTypes.LongType, false)
            .add(Lineage.RUN_ID, DataTypes.StringType, false)
            .add(Lineage.INGESTED_AT, DataTypes.TimestampType, false)
            .add(Lineage.RAW, DataTypes.StringType)
            .add(Lineage.ERROR, DataTypes.StringType)
            .add(Lineage.RESCUED, DataTypes.StringType)
            .add(Lineage.RULE, DataTypes.StringType);
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
      Object[] out = new Object[Lineage.BRONZE.size() + mapped.length];
      List<String> fields = r.values();
      for (int k = 0; k < mapped.length; k++) {
        out[Lineage.BRONZE.size() + k] = mapped[k] < 0 ? null : fields.get(mapped[k]);
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
    Object[] out = new Object[Lineage.BRONZE.size() + mapping.size()];
    int i = Lineage.BRONZE.size();
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
