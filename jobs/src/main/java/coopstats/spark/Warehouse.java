package coopstats.spark;

import coopstats.contract.TableSchema;
import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
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
  public static final List<String> LAYERS = List.of("bronze", "silver", "gold", "ref", "ops");
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final String DELETION_VECTORS = "delta.enableDeletionVectors";
  private static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

  /** The lineage columns of silver tables and of quarantine. */
  private static final List<String> SILVER_LINEAGE =
      List.of("source", "_file", "_line", "_run_id", "_ingested_at", "file", "line", "run_id");

  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = qualified(spark, root);
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
    existing(schema);
  }

  /** An existing table's metadata (description, schema, partitioning, properties) from its log. */
  private record Existing(Metadata metadata) {
    StructType schema() {
      return metadata.schema();
    }
  }

  /** {@link #ensure}; returns what the existing table was, or null when it was created now. */
  private Existing existing(TableSchema schema) {
    if (exists(schema.layer(), schema.name())) {
      Metadata metadata = metadata(pathOf(schema));
      TableComments.sync(spark, pathOf(schema), schema, metadata);
      Map<String, String> changed = new LinkedHashMap<>();
      properties(schema)
          .forEach(
              (key, value) -> {
                if (!value.equals(property(metadata, key))) {
                  changed.put(key, value);
                }
              });
      if (!changed.isEmpty()) {
        setProperties(pathOf(schema), changed);
      }
      warnNullable(schema, metadata.schema());
      register(schema.layer(), schema.name());
      return new Existing(metadata);
    }
    DeltaTableBuilder b =
        DeltaTable.createIfNotExists(spark)
            .location(path(schema.layer(), schema.name()))
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
    register(schema.layer(), schema.name());
    return null;
  }

  /**
   * Warns about the columns the schema file declares {@code nullable: false} that the table has
   * nullable. Delta cannot tighten a column in place; such a table was written by an earlier
   * coopstats, which replaced schemas as nullable, or its schema was replaced since (see {@link
   * #overwrite}). Its rows stay as they are; recreating the table restores the check.
   */
  private void warnNullable(TableSchema schema, StructType current) {
    List<String> loose = new ArrayList<>();
    for (StructField f : schema.sparkSchema().fields()) {
      if (!f.nullable()
          && current.getFieldIndex(f.name()).isDefined()
          && current.apply(f.name()).nullable()) {
        loose.add(f.name());
      }
    }
    if (!loose.isEmpty()) {
      LOG.warn(
          "{}: columns {} are NOT NULL in the schema file but nullable in the table, so Delta does"
              + " not refuse nulls in them; to recreate a silver, gold or ref table, delete its"
              + " folder: the next run rebuilds it from bronze and schemas/",
          schema.table(),
          loose);
    }
  }

  /** The SQL name of the Delta table at {@code path}: {@code delta.`path`}, backticks escaped. */
  static String byPath(String path) {
    return "delta.`" + path.replace("`", "``") + "`";
  }

  /**
   * Whether a table keeps deletion vectors. Silver tables take a MERGE every night: with deletion
   * vectors the MERGE marks the rows it replaces instead of rewriting every file that holds one, so
   * a night costs what its rows cost, not what the table's history costs. Gold stays without them
   * for readers without Spark (see {@code ReaderCompatibility}); the other layers only append or
   * overwrite.
   */
  static boolean deletionVectors(TableSchema schema) {
    return schema.layer().equals("silver");
  }

  /**
   * The columns a silver table keeps Delta file statistics on: its key and its lineage. A night's
   * rows land in files of their own, so these order the files and let a query for a run, a file or
   * a key skip the others; every file holds all years, countries and amounts, so statistics on
   * those would cost each write and skip nothing. Other layers keep Delta's default.
   */
  static List<String> statsColumns(TableSchema schema) {
    if (!schema.layer().equals("silver")) {
      return List.of();
    }
    Set<String> wanted = new java.util.HashSet<>(schema.key());
    wanted.addAll(SILVER_LINEAGE);
    return schema.columnNames().stream().filter(wanted::contains).toList();
  }

  /** The table properties coopstats keeps on a table of {@code schema}. */
  static Map<String, String> properties(TableSchema schema) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(DELETION_VECTORS, String.valueOf(deletionVectors(schema)));
    List<String> stats = statsColumns(schema);
    if (!stats.isEmpty()) {
      properties.put(STATS_COLUMNS, String.join(",", stats));
    }
    return properties;
  }

  /**
   * Sets table properties in one commit: deletion vectors on a silver table created before silver
   * had them, or the statistics columns of one created before it had those.
   */
  private void setProperties(String path, Map<String, String> properties) {
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
  private Metadata metadata(String path) {
    return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).metadata();
  }

  /** A table property, or "false" when it is not set. */
  private static String property(Metadata metadata, String key) {
    return metadata.configuration().getOrElse(key, () -> "false");
  }

  /**
   * Creates an append-only table with Delta's change data feed on, so that readers can ask for just
   * the rows added after a version, and with file statistics on {@code statsColumns} only: the
   * columns queries filter on, not the text of every column. Returns true when an existing table
   * had the feed off and it was turned on now: its earlier versions have no feed.
   */
  public boolean ensureChangeFeed(
      String layer, String table, StructType schema, List<String> statsColumns) {
    String feed = "delta.enableChangeDataFeed";
    String stats = String.join(",", statsColumns);
    if (!exists(layer, table)) {
      DeltaTableBuilder b =
          DeltaTable.createIfNotExists(spark)
              .location(path(layer, table))
              .property(feed, "true")
              .property(STATS_COLUMNS, stats)
              .property(DELETION_VECTORS, "false");
      for (StructField f : schema.fields()) {
        b = b.addColumn(f);
      }
      b.execute();
      register(layer, table);
      return false;
    }
    register(layer, table);
    Metadata metadata = metadata(path(layer, table));
    if (!stats.equals(property(metadata, STATS_COLUMNS))) {
      // Files written from now on carry statistics on these columns only.
      setProperties(path(layer, table), Map.of(STATS_COLUMNS, stats));
    }
    if ("true".equals(property(metadata, feed))) {
      return false;
    }
    spark.sql(
        "ALTER TABLE " + layer + "." + table + " SET TBLPROPERTIES ('" + feed + "' = 'true')");
    return true;
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
    Existing before = existing(schema);
    boolean replace = before != null && needsNewSchema(schema, before);
    writer(rows, schema, "overwrite")
        .option(replace ? "overwriteSchema" : "mergeSchema", "true")
        .save(pathOf(schema));
    if (replace) {
      warnNullable(schema, spark.read().format("delta").load(pathOf(schema)).schema());
    }
  }

  /**
   * Whether writing {@code schema} over the table needs its schema replaced: a column the schema
   * file no longer has, a type it changed, or other partition columns. Adding a column does not.
   */
  private static boolean needsNewSchema(TableSchema schema, Existing before) {
    List<String> partitions =
        scala.jdk.javaapi.CollectionConverters.asJava(before.metadata().partitionColumns());
    if (!partitions.equals(schema.partitions())) {
      return true;
    }
    StructType wanted = schema.sparkSchema();
    for (StructField f : before.schema().fields()) {
      if (!wanted.getFieldIndex(f.name()).isDefined()
          || !wanted.apply(f.name()).dataType().sameType(f.dataType())) {
        return true;
      }
    }
    return false;
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

  private DataFrameWriter<Row> writer(Dataset<Row> rows, TableSchema schema, String mode) {
    DataFrameWriter<Row> w =
        rows.select(columnsOf(rows, schema)).write().format("delta").mode(mode);
    return schema.partitions().isEmpty()
        ? w
        : w.partitionBy(schema.partitions().toArray(String[]::new));
  }

  private String pathOf(TableSchema schema) {
    return path(schema.layer(), schema.name());
  }

  /** The table's rows, at its latest version. */
  public Dataset<Row> read(String layer, String table) {
    return spark.read().format("delta").load(path(layer, table));
  }

  /** The table's rows as of {@code version}. */
  public Dataset<Row> read(String layer, String table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(layer, table));
  }

  /** Puts the table back to {@code version}, in a new commit, with Delta's RESTORE. */
  public void restore(String layer, String table, long version) {
    DeltaTable.forPath(spark, path(layer, table)).restoreToVersion(version);
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
   * Registers {@code layer.table} in the catalog for the Delta table at its path. A name left
   * pointing at another warehouse by an earlier use of the session is pointed here instead; the
   * catalog entries are external, so dropping one never touches data.
   */
  public void register(String layer, String table) {
    String name = checkName(layer) + "." + checkName(table);
    if (!spark.catalog().databaseExists(layer)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS `" + layer + "`");
    }
    TableIdentifier id = new TableIdentifier(table, Option.apply(layer));
    // The session catalog answers without reading the table, which may be gone.
    if (spark.sessionState().catalog().tableExists(id)) {
      if (new Path(path(layer, table)).equals(registeredLocation(layer, table))) {
        return;
      }
      // Straight to the session catalog: Delta's DROP would first try to read the old path.
      spark.sessionState().catalog().dropTable(id, true, false);
    }
    if (exists(layer, table)) {
      spark.catalog().createTable(name, path(layer, table), "delta");
    }
  }

  private Path registeredLocation(String layer, String table) {
    try {
      URI location =
          spark
              .sessionState()
              .catalog()
              .getTableMetadata(new TableIdentifier(table, Option.apply(layer)))
              .location();
      return new Path(location);
    } catch (Exception e) {
      // Spark's catalog throws checked exceptions javac cannot see; treat as not registered.
      return null;
    }
  }

  /** Registers every Delta table found under the root; returns their names. */
  public List<String> registerAll() {
    List<String> names = new ArrayList<>();
    for (String layer : LAYERS) {
      for (String table : tablesIn(layer)) {
        register(layer, table);
        names.add(layer + "." + table);
      }
    }
    return names;
  }

  private List<String> tablesIn(String layer) {
    try {
      Path dir = new Path(root + "/" + layer);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> tables = new ArrayList<>();
      if (!fs.exists(dir)) {
        return tables;
      }
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && NAME.matcher(name).matches() && exists(layer, name)) {
          tables.add(name);
        }
      }
      tables.sort(String::compareTo);
      return tables;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid table or layer name: '" + name + "'");
    }
    return name;
  }
}
