package coopstats.silver;

import coopstats.bronze.BronzeRule;
import coopstats.contract.Lineage;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parses bronze rows of one source into silver rows. Every row comes out: either typed, or with the
 * rule it broke and the reason. Output = lineage and verdict columns, then the silver columns.
 */
final class SilverParse implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final List<String> PREFIX =
      List.of(
          "q_source",
          "q_series",
          "q_file",
          "q_sheet",
          "q_line",
          "q_run_id",
          "q_raw",
          "q_rule",
          "q_reason");

  private final RowParser parser;
  private final SourceProfile profile;
  private final int width;

  SilverParse(RowParser parser, SourceProfile profile, TableSchema silver) {
    this.parser = parser;
    this.profile = profile;
    this.width = silver.columns().size();
  }

  /** The output schema: the verdict prefix, then the silver columns, all nullable. */
  static StructType schema(TableSchema silver) {
    StructType s =
        new StructType()
            .add("q_source", DataTypes.StringType)
            .add("q_series", DataTypes.StringType)
            .add("q_file", DataTypes.StringType)
            .add("q_sheet", DataTypes.StringType)
            .add("q_line", DataTypes.LongType)
            .add("q_run_id", DataTypes.StringType)
            .add("q_raw", DataTypes.StringType)
            .add("q_rule", DataTypes.StringType)
            .add("q_reason", DataTypes.StringType);
    for (StructField f : silver.sparkSchema().fields()) {
      s = s.add(f.name(), f.dataType(), true, f.metadata());
    }
    return s;
  }

  /** The bronze schema the indices below were taken from; rows of one read share it. */
  private transient StructType seen;

  private transient int fileAt;
  private transient int lineAt;
  private transient int runIdAt;
  private transient int ingestedAtAt;
  private transient int rawAt;
  private transient int errorAt;

  /** The index of bronze's {@code _rule}; -1 in a bronze table from before it was kept. */
  private transient int ruleAt;

  /** The index of bronze's {@code _sheet}; -1 in a bronze table from before it was kept. */
  private transient int sheetAt;

  /** The bronze columns that carry delivered values (all but lineage), and their indices. */
  private transient String[] valueNames;

  private transient int[] valueIndices;

  /** Finds the columns by name once per schema instead of once per value. */
  private void index(StructType schema) {
    fileAt = schema.fieldIndex(Lineage.FILE);
    lineAt = schema.fieldIndex(Lineage.LINE);
    runIdAt = schema.fieldIndex(Lineage.RUN_ID);
    ingestedAtAt = schema.fieldIndex(Lineage.INGESTED_AT);
    rawAt = schema.fieldIndex(Lineage.RAW);
    errorAt = schema.fieldIndex(Lineage.ERROR);
    ruleAt = List.of(schema.fieldNames()).indexOf(Lineage.RULE);
    sheetAt = List.of(schema.fieldNames()).indexOf(Lineage.SHEET);
    List<String> names = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (!fields[i].name().startsWith("_")) {
        names.add(fields[i].name());
        indices.add(i);
      }
    }
    valueNames = names.toArray(String[]::new);
    valueIndices = indices.stream().mapToInt(Integer::intValue).toArray();
    seen = schema;
  }

  @Override
  public Row call(Row bronze) {
    if (bronze.schema() != seen) {
      index(bronze.schema());
    }
    String file = bronze.getString(fileAt);
    long line = bronze.getLong(lineAt);
    String sheet = sheetAt < 0 ? null : bronze.getString(sheetAt);
    String series = profile.seriesOf(sheet);
    Map<String, Object> lineage = new HashMap<>();
    lineage.put("source", profile.source());
    lineage.put("series", series);
    lineage.put(Lineage.FILE, file);
    lineage.put(Lineage.SHEET, sheet);
    lineage.put(Lineage.LINE, line);
    lineage.put(Lineage.RUN_ID, bronze.get(runIdAt));
    lineage.put(Lineage.INGESTED_AT, bronze.get(ingestedAtAt));
    List<Object> out = new ArrayList<>(PREFIX.size() + width);
    out.add(profile.source());
    out.add(series);
    out.add(file);
    out.add(sheet);
    out.add(line);
    out.add(bronze.get(runIdAt));
    out.add(bronze.get(rawAt));
    Object[] values = null;
    String error = bronze.getString(errorAt);
    if (error != null) {
      out.add(BronzeRule.of(ruleAt < 0 ? null : bronze.getString(ruleAt), error));
      out.add(error);
    } else {
      try {
        values = parser.parse(fields(bronze, file, sheet, line), lineage);
        out.add(null);
        out.add(null);
      } catch (RowRejected r) {
        out.add(r.rule());
        out.add(r.reason());
      } catch (RuntimeException e) {
        RowRejected r = RowRejected.unparsable(e);
        out.add(r.rule());
        out.add(r.reason());
      }
    }
    for (int i = 0; i < width; i++) {
      out.add(values == null ? null : values[i]);
    }
    return RowFactory.create(out.toArray());
  }

  /** Bronze values by column, profile constants for blanks, and a key for keyless sources. */
  private Map<String, String> fields(Row bronze, String file, String sheet, long line) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < valueNames.length; i++) {
      fields.put(valueNames[i], bronze.getString(valueIndices[i]));
    }
    profile
        .constantsOrEmpty()
        .forEach(
            (k, v) -> {
              String current = fields.get(k);
              if (current == null || current.isBlank()) {
                fields.put(k, v);
              }
            });
    if (profile.keyColumns().isEmpty() && profile.unpivot() == null) {
      // A source without a record key (CGIT): every delivered line is its own record, named by
      // its file and line, or by its workbook, sheet and row as Excel would (Dataset 1!7).
      fields.put("record_id", file + "#" + (sheet == null ? "" : sheet + "!") + line);
    }
    // A wide table's cell arrives from bronze named by its row and header as well (#7:2019年).
    return fields;
  }
}
