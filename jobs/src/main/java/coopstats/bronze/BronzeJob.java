package coopstats.bronze;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.when;

import coopstats.contract.LandingContract;
import coopstats.contract.Lineage;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.spark.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landing to bronze. Each source folder is a file stream ({@code binaryFile}, {@code
 * Trigger.AvailableNow}) with its checkpoint in the warehouse, so Spark itself remembers which
 * files were ingested and a file is read exactly once, however often the run is repeated. A file is
 * known by its path under the landing folder ({@link IngestedFiles}): a deployment copied or moved
 * elsewhere goes on where it was.
 */
public final class BronzeJob {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeJob.class);
  private static final StructType FILES =
      new StructType()
          .add("path", DataTypes.StringType)
          .add("modificationTime", DataTypes.TimestampType)
          .add("length", DataTypes.LongType)
          .add("content", DataTypes.BinaryType);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  public BronzeJob(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  /** The sources found under the landing folder, each with a profile. */
  public List<SourceProfile> sources(String landing) {
    return LandingFolder.sources(fs(landing), landing, schemas);
  }

  private FileSystem fs(String path) {
    try {
      return new Path(path).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What one source's ingest read in this run; {@code feedStarted} says that the bronze table's
   * change feed was turned on only now, so its earlier rows can only be read whole; {@code
   * redelivered}, the files read that had been read before under the same name, with other content.
   */
  public record Ingested(
      long files,
      long rows,
      boolean feedStarted,
      long rescuedRows,
      Map<String, List<String>> extraColumns,
      List<String> redelivered) {}

  /**
   * Ingests the files of {@code source} that no earlier run has read, leaving those in {@code
   * dt=YYYY-MM-DD} folders dated after {@code until} for their own run.
   */
  public Ingested ingest(
      String landing, SourceProfile source, String runId, Timestamp ingestedAt, LocalDate until) {
    LandingContract contract = schemas.contract(source.kind());
    String root = new Path(landing).toString();
    BronzeReader reader = new BronzeReader(source, contract, root, runId, ingestedAt);
    StructType bronze = BronzeSchema.of(source, contract);
    Map<String, String> properties =
        schemas.layer("bronze").forTable(List.of(bronze.fieldNames()), List.of());
    boolean feedStarted = warehouse.ensureChangeFeed("bronze", source.source(), bronze, properties);
    String checkpoint = warehouse.checkpoint("bronze_" + source.source());
    IngestedFiles seen =
        IngestedFiles.of(
            spark.sparkContext().hadoopConfiguration(), checkpoint, root, source.source());
    seen.followLanding();
    List<String> again =
        Redeliveries.find(
            seen,
            IngestedFiles.listed(
                spark.sparkContext().hadoopConfiguration(),
                new Path(root, source.source()).toString()),
            path -> Fingerprints.sha256(fs(path), new Path(URI.create(path))));
    Optional<String> folders = DatedFolders.upTo(fs(root), new Path(root, source.source()), until);
    if (folders.isEmpty()) {
      LOG.info(
          "bronze.{}: every folder is dated after {}; left for their runs", source.source(), until);
      return new Ingested(0, 0, feedStarted, 0, Map.of(), List.of());
    }
    stream(source, folders.get(), checkpoint, reader, bronze, seen);
    List<Row> files = fileCounts(source, runId);
    long rows = 0;
    long rescued = 0;
    Map<String, List<String>> extra = new TreeMap<>();
    for (Row f : files) {
      rows += f.getLong(1);
      rescued += f.getLong(2);
      if (f.getLong(2) > 0) {
        extra.put(f.getString(0), f.getList(3));
        LOG.warn(
            "{}: {} row(s) have columns the profile does not map, kept in bronze.{}._rescued: {}",
            f.getString(0),
            f.getLong(2),
            source.source(),
            f.getList(3));
      }
    }
    LOG.info("bronze.{}: {} new file(s), {} row(s) ingested", source.source(), files.size(), rows);
    List<String> read = files.stream().map(f -> f.getString(0)).toList();
    return new Ingested(
        files.size(),
        rows,
        feedStarted,
        rescued,
        extra,
        again.stream().filter(read::contains).toList());
  }

  /**
   * Appends the source's new files under {@code folders} to its bronze table: a file stream run to
   * what is there now, whose checkpoint remembers the files read.
   */
  private void stream(
      SourceProfile source,
      String folders,
      String checkpoint,
      BronzeReader reader,
      StructType bronze,
      IngestedFiles seen) {
    String table = warehouse.path("bronze", source.source());
    VoidFunction2<Dataset<Row>, Long> append =
        (files, batchId) -> {
          files
              .select("path", "content")
              .flatMap(reader, Encoders.row(bronze))
              .write()
              .format("delta")
              .mode("append")
              .option("mergeSchema", "true")
              // Delta's idempotent-write keys: a replayed batch is not appended twice.
              .option("txnAppId", "coopstats-bronze-" + source.source())
              .option("txnVersion", batchId)
              .save(table);
          // Once the rows are in bronze, and again when a replayed batch skips the write.
          seen.fingerprints().record(fingerprints(files, seen));
        };
    try {
      StreamingQuery q =
          spark
              .readStream()
              .format("binaryFile")
              .schema(FILES)
              .option("recursiveFileLookup", "true")
              // A file is new when its path is new, whatever its modification time: without
              // this, a file copied in with an mtime a week older than the newest file seen
              // would be skipped for good (the default maxFileAge is 7 days).
              .option("maxFileAge", "3650000d")
              .load(folders)
              .writeStream()
              .queryName("bronze-" + source.source())
              .trigger(Trigger.AvailableNow())
              .option("checkpointLocation", checkpoint)
              .foreachBatch(append)
              .start();
      q.awaitTermination();
    } catch (TimeoutException | StreamingQueryException e) {
      throw new IllegalStateException(
          "ingesting landing source " + source.source() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The fingerprint of each file of a batch, by its path under the landing folder, taken at the
   * modification time it was read with. A file whose modification time has changed since is left
   * out: the content read is no longer there, and without a fingerprint its new modification time
   * makes it a new delivery.
   */
  private Map<String, Fingerprints.Print> fingerprints(Dataset<Row> files, IngestedFiles seen)
      throws IOException {
    Map<String, Fingerprints.Print> prints = new TreeMap<>();
    for (Row f : files.select("path", "modificationTime").collectAsList()) {
      // The file stream's path column holds the path as text, not URI-encoded: a name may hold
      // spaces, braces or brackets.
      Path path = new Path(f.getString(0));
      long read = f.getTimestamp(1).getTime();
      FileSystem fs = fs(path.toString());
      if (fs.exists(path) && fs.getFileStatus(path).getModificationTime() == read) {
        prints.put(
            seen.relative(IngestedFiles.uri(fs.makeQualified(path))),
            new Fingerprints.Print(Fingerprints.sha256(fs, path), read));
      }
    }
    return prints;
  }

  /**
   * Per file this run ingested: its rows, its rows with columns the profile does not map, and those
   * columns' names.
   */
  private List<Row> fileCounts(SourceProfile source, String runId) {
    // Files this run wrote hold only its _run_id, so Delta's file statistics skip all others.
    // Extra columns are reported for well-formed rows; a malformed row's are part of its error.
    Column kept = when(col(Lineage.ERROR).isNull(), col(Lineage.RESCUED));
    return warehouse
        .read("bronze", source.source())
        .where(col(Lineage.RUN_ID).equalTo(runId))
        .groupBy(col(Lineage.FILE))
        .agg(
            count("*"),
            count(kept),
            array_sort(
                array_distinct(
                    flatten(
                        collect_list(
                            map_keys(
                                from_json(
                                    kept,
                                    DataTypes.createMapType(
                                        DataTypes.StringType, DataTypes.StringType))))))))
        .orderBy(col(Lineage.FILE))
        .collectAsList();
  }
}
