package coopstats.spark;

import coopstats.contract.TableSchema;
import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * How a warehouse table is created from its schema file and kept in line with it: its columns,
 * comments and partitioning, and the table properties its layer's {@code _layer.yaml} and its
 * schema file declare (deletion vectors, the columns with file statistics, the change feed of
 * bronze).
 */
final class TableDefinitions {
  private static final String CHANGE_FEED = "delta.enableChangeDataFeed";

  private final SparkSession spark;
  private final Warehouse warehouse;

  TableDefinitions(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** See {@link Warehouse#ensure}. */
  void ensure(TableSchema schema) {
    existing(schema);
  }

  /**
   * {@link #ensure}, before an overwrite; returns whether the overwrite must replace the table's
   * schema.
   */
  boolean ensureForOverwrite(TableSchema schema) {
    Metadata before = existing(schema);
    return before != null && SchemaDrift.needsNewSchema(schema, before);
  }

  /**
   * {@link #ensure}; returns the existing table's metadata (description, schema, partitioning,
   * properties) as its log had it, or null when the table was created now.
   */
  private Metadata existing(TableSchema schema) {
    if (warehouse.exists(schema.layer(), schema.name())) {
      Metadata metadata = metadata(warehouse.pathOf(schema));
      TableComments.sync(spark, warehouse.pathOf(schema), schema, metadata);
      Map<String, String> changed = new LinkedHashMap<>();
      properties(schema)
          .forEach(
              (key, value) -> {
                if (!value.equals(property(metadata, key))) {
                  changed.put(key, value);
                }
              });
      if (!changed.isEmpty()) {
        setProperties(warehouse.pathOf(schema), changed);
      }
      SchemaDrift.warnNullable(schema, metadata.schema());
      warehouse.register(schema.layer(), schema.name());
      return metadata;
    }
    DeltaTableBuilder b =
        DeltaTable.createIfNotExists(spark)
            .location(warehouse.path(schema.layer(), schema.name()))
            .comment(schema.comment());
    for (Map.Entry<String, String> p : properties(schema).entrySet()) {
      b = b.property(p.getKey(), p.getValue());
    }
    for (StructField f : schema.sparkSchema().fields()) {
      b = b.addColumn(f);
    }
    if (!schema.partitions().isEmpty()) {
      b = b.partitionedBy(schema.partitions().toArray(String[]::new));
    }
    b.execute();
    warehouse.register(schema.layer(), schema.name());
    return null;
  }

  /** The SQL name of the Delta table at {@code path}: {@code delta.`path`}, backticks escaped. */
  static String byPath(String path) {
    return "delta.`" + path.replace("`", "``") + "`";
  }

  /**
   * The table properties coopstats keeps on a table of {@code schema}: its layer's {@code
   * _layer.yaml}, then its schema file's own.
   */
  static Map<String, String> properties(TableSchema schema) {
    return schema.propertiesOrEmpty();
  }

  /**
   * Sets table properties in one commit: deletion vectors on a silver table created before silver
   * had them, or the statistics columns of one created before it had those.
   */
  void setProperties(String path, Map<String, String> properties) {
    String list =
        properties.entrySet().stream()
            .map(
                e ->
                    TableComments.literal(e.getKey()) + " = " + TableComments.literal(e.getValue()))
            .collect(java.util.stream.Collectors.joining(", "));
    spark.sql("ALTER TABLE " + byPath(path) + " SET TBLPROPERTIES (" + list + ")");
  }

  /**
   * A table's metadata as its latest commit left it, read from the Delta log (its checksum file
   * when there is one) without running a query.
   */
  Metadata metadata(String path) {
    return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).metadata();
  }

  /** A table property, or "false" when it is not set. */
  private static String property(Metadata metadata, String key) {
    return metadata.configuration().getOrElse(key, () -> "false");
  }

  /**
   * Creates an append-only table with {@code properties} (from its layer's {@code _layer.yaml}), or
   * sets those an existing table lacks. With the change data feed on, readers can ask for just the
   * rows added after a version. Returns true when an existing table had the feed off and it was
   * turned on now: its earlier versions have no feed.
   */
  /**
   * Adds the columns of {@code schema} that the table lacks (a lineage column a newer coopstats
   * keeps, a column a profile now maps), so that every reader of the table finds them; earlier rows
   * hold null in them.
   */
  private void addMissingColumns(String layer, String table, StructType schema, StructType now) {
    List<String> missing = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (now.getFieldIndex(f.name()).isEmpty()) {
        missing.add("`" + f.name().replace("`", "``") + "` " + f.dataType().sql());
      }
    }
    if (!missing.isEmpty()) {
      spark.sql(
          "ALTER TABLE "
              + layer
              + "."
              + table
              + " ADD COLUMNS ("
              + String.join(", ", missing)
              + ")");
    }
  }

  boolean ensureChangeFeed(
      String layer, String table, StructType schema, Map<String, String> properties) {
    if (!warehouse.exists(layer, table)) {
      DeltaTableBuilder b =
          DeltaTable.createIfNotExists(spark).location(warehouse.path(layer, table));
      for (Map.Entry<String, String> p : properties.entrySet()) {
        b = b.property(p.getKey(), p.getValue());
      }
      for (StructField f : schema.fields()) {
        b = b.addColumn(f);
      }
      b.execute();
      warehouse.register(layer, table);
      return false;
    }
    warehouse.register(layer, table);
    Metadata metadata = metadata(warehouse.path(layer, table));
    addMissingColumns(layer, table, schema, metadata.schema());
    Map<String, String> changed = new LinkedHashMap<>();
    properties.forEach(
        (key, value) -> {
          if (!key.equals(CHANGE_FEED) && !value.equals(property(metadata, key))) {
            changed.put(key, value);
          }
        });
    if (!changed.isEmpty()) {
      // Files written from now on carry statistics on these columns only.
      setProperties(warehouse.path(layer, table), changed);
    }
    if (!"true".equals(properties.get(CHANGE_FEED))
        || "true".equals(property(metadata, CHANGE_FEED))) {
      return false;
    }
    spark.sql(
        "ALTER TABLE "
            + layer
            + "."
            + table
            + " SET TBLPROPERTIES ('"
            + CHANGE_FEED
            + "' = 'true')");
    return true;
  }
}
