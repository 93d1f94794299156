package coopstats.spark;

import coopstats.contract.TableSchema;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * The warehouse folder: {@code <root>/<layer>/<table>} holds each Delta table, registered in the
 * session's catalog as {@code <layer>.<table>}. The root may be any Hadoop URI.
 */
public final class Warehouse {
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
  public static final List<String> LAYERS = coopstats.contract.LayerProperties.LAYERS;
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private final SparkSession spark;
  private final String root;
  private final TableDefinitions definitions;
  private final WarehouseCatalog catalog;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = qualified(spark, root);
    this.definitions = new TableDefinitions(spark, this);
    this.catalog = new WarehouseCatalog(spark, this);
  }

  /** The root as Hadoop writes it (file:/a/b), so that Delta and the catalog agree on paths. */
  private static String qualified(SparkSession spark, String root) {
    try {
      Path p = new Path(root);
      String q =
          p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
      return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String root() {
    return root;
  }

  public String path(String layer, String table) {
    return root + "/" + checkName(layer) + "/" + checkName(table);
  }

  public String checkpoint(String name) {
    return root + "/_checkpoints/" + checkName(name);
  }

  public boolean exists(String layer, String table) {
    return DeltaTable.isDeltaTable(spark, path(layer, table));
  }

  /**
   * Creates the table from its schema file if it does not exist, or brings an existing table's
   * comments and deletion vectors in line with the schema file, and registers its name.
   */
  public void ensure(TableSchema schema) {
    definitions.ensure(schema);
  }

  /**
   * Creates an append-only table with {@code properties}, its layer's (see {@link
   * coopstats.contract.LayerProperties}); with Delta's change data feed on, readers can ask for
   * just the rows added after a version. Returns true when an existing table had the feed off and
   * it was turned on now: its earlier versions have no feed.
   */
  public boolean ensureChangeFeed(
      String layer, String table, StructType schema, Map<String, String> properties) {
    return definitions.ensureChangeFeed(layer, table, schema, properties);
  }

  /**
   * Replaces the table's rows with {@code rows}, in one commit, typed, partitioned and commented as
   * its schema file says (the schema file wins over the table's earlier schema).
   *
   * <p>Delta writes the schema of a write that replaces it ({@code overwriteSchema}) as nullable,
   * so the schema is replaced only when the schema file dropped a column, changed a type or changed
   * the partitioning, which loses {@code NOT NULL} and is logged. Otherwise new columns merge in,
   * and Delta checks the {@code NOT NULL} columns on every write.
   */
  public void overwrite(Dataset<Row> rows, TableSchema schema) {
    boolean replace = definitions.ensureForOverwrite(schema);
    writer(rows, schema, "overwrite")
        .option(replace ? "overwriteSchema" : "mergeSchema", "true")
        .save(pathOf(schema));
    if (replace) {
      SchemaDrift.warnNullable(schema, read(schema.layer(), schema.name()).schema());
    }
  }

  /** Replaces the table's rows with {@code rows}, built in memory by the caller. */
  public void overwrite(List<Row> rows, TableSchema schema) {
    overwrite(spark.createDataFrame(rows, schema.sparkSchema()), schema);
  }

  /**
   * Replaces only the rows that match {@code predicate}, in one commit: files that hold no such row
   * are left as they are. The predicate is built by the caller from typed values, never from input
   * text.
   */
  public void replaceWhere(Dataset<Row> rows, TableSchema schema, String predicate) {
    ensure(schema);
    writer(rows, schema, "overwrite").option("replaceWhere", predicate).save(pathOf(schema));
  }

  /**
   * Appends {@code rows} in one commit; a column added to the schema file reaches the existing
   * table.
   */
  public void append(Dataset<Row> rows, TableSchema schema) {
    ensure(schema);
    writer(rows, schema, "append").option("mergeSchema", "true").save(pathOf(schema));
  }

  /** Appends {@code rows}, built in memory by the caller, in one commit. */
  public void append(List<Row> rows, TableSchema schema) {
    append(spark.createDataFrame(rows, schema.sparkSchema()), schema);
  }

  private DataFrameWriter<Row> writer(Dataset<Row> rows, TableSchema schema, String mode) {
    DataFrameWriter<Row> w =
        rows.select(columnsOf(rows, schema)).write().format("delta").mode(mode);
    return schema.partitions().isEmpty()
        ? w
        : w.partitionBy(schema.partitions().toArray(String[]::new));
  }

  String pathOf(TableSchema schema) {
    return path(schema.layer(), schema.name());
  }

  /** The table's latest rows. */
  public Dataset<Row> read(String layer, String table) {
    return spark.read().format("delta").load(path(layer, table));
  }

  /**
   * The rows that Delta's change feed of the table records from {@code fromVersion} to {@code
   * toVersion}, both included, with Delta's {@code _change_type} and version columns.
   */
  public Dataset<Row> changes(String layer, String table, long fromVersion, long toVersion) {
    return spark
        .read()
        .format("delta")
        .option("readChangeFeed", "true")
        .option("startingVersion", fromVersion)
        .option("endingVersion", toVersion)
        .load(path(layer, table));
  }

  /** The table, for a MERGE. */
  public DeltaTable deltaTable(TableSchema schema) {
    return DeltaTable.forPath(spark, pathOf(schema));
  }

  /** The table's rows as of {@code version}. */
  public Dataset<Row> read(String layer, String table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(layer, table));
  }

  /** Puts the table back to {@code version}, in a new commit, with Delta's RESTORE. */
  public void restore(String layer, String table, long version) {
    DeltaTable.forPath(spark, path(layer, table)).restoreToVersion(version);
  }

  /** An existing table's metadata (schema, properties) as its latest commit left it. */
  public Metadata metadata(String layer, String table) {
    return definitions.metadata(path(layer, table));
  }

  /** Sets table properties of an existing table, in one commit. */
  public void setProperties(String layer, String table, Map<String, String> properties) {
    definitions.setProperties(path(layer, table), properties);
  }

  /** The latest Delta version of a table, or -1 when it does not exist. */
  public long version(String layer, String table) {
    if (!exists(layer, table)) {
      return -1;
    }
    // The log's latest commit, listed from the log itself: history(1) would run a Spark job per
    // table, and a run asks for every table's version several times.
    return DeltaLog.forTable(spark, path(layer, table))
        .update(false, Option.empty(), Option.empty())
        .version();
  }

  /** The schema file's columns, cast to their types and carrying their comments. */
  public static Column[] columnsOf(Dataset<Row> rows, TableSchema schema) {
    return Arrays.stream(schema.sparkSchema().fields())
        .map(f -> rows.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()))
        .toArray(Column[]::new);
  }

  /**
   * Registers {@code layer.table} in the session's catalog for the Delta table at its path (see
   * {@link WarehouseCatalog#register}).
   */
  public void register(String layer, String table) {
    catalog.register(layer, table);
  }

  /**
   * Registers the tables a SQL statement names ({@code <layer>.<table>}), or every table when the
   * statement is not a plain query.
   */
  public void registerFor(String sql) {
    catalog.registerFor(sql);
  }

  /** Registers every Delta table found under the root; returns their names. */
  public List<String> registerAll() {
    return catalog.registerAll();
  }

  static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid table or layer name: '" + name + "'");
    }
    return name;
  }
}
