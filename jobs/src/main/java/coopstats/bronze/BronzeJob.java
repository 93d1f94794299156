package coopstats.bronze;

import coopstats.Errors;
import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.spark.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
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
 * files were ingested and a file is read exactly once, however often the run is repeated.
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
    Path root = new Path(landing);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.isDirectory(root)) {
        throw Errors.missingLanding(landing);
      }
      List<SourceProfile> found = new ArrayList<>();
      for (FileStatus s : fs.listStatus(root)) {
        String name = s.getPath().getName();
        if (!s.isDirectory() || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        SourceProfile p = schemas.profiles().get(name);
        if (p == null) {
          throw Errors.unknownSource(s.getPath().toString(), schemas.profiles().keySet());
        }
        found.add(p);
      }
      found.sort((a, b) -> a.source().compareTo(b.source()));
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one source's ingest read in this run. */
  public record Ingested(long files, long rows) {}

  /** Ingests the files of {@code source} that no earlier run has read. */
  public Ingested ingest(String landing, SourceProfile source, String runId, Timestamp ingestedAt) {
    LandingContract contract = schemas.contract(source.kind());
    String root = new Path(landing).toString();
    BronzeReader reader = new BronzeReader(source, contract, root, runId, ingestedAt);
    StructType bronze = BronzeReader.schema(source, contract);
    String table = warehouse.path("bronze", source.source());
    VoidFunction2<Dataset<Row>, Long> append =
        (files, batchId) ->
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
    try {
      StreamingQuery q =
          spark
              .readStream()
              .format("binaryFile")
              .schema(FILES)
              .option("recursiveFileLookup", "true")
              .load(root + "/" + source.source())
              .writeStream()
              .queryName("bronze-" + source.source())
              .trigger(Trigger.AvailableNow())
              .option("checkpointLocation", warehouse.checkpoint("bronze_" + source.source()))
              .foreachBatch(append)
              .start();
      q.awaitTermination();
    } catch (TimeoutException | StreamingQueryException e) {
      throw new IllegalStateException(
          "ingesting landing source " + source.source() + " failed: " + e.getMessage(), e);
    }
    if (!warehouse.exists("bronze", source.source())) {
      LOG.info("bronze.{}: no files", source.source());
      return new Ingested(0, 0);
    }
    warehouse.register("bronze", source.source());
    Row read =
        spark
            .read()
            .format("delta")
            .load(table)
            .where(functions.col("_run_id").equalTo(runId))
            .agg(functions.countDistinct("_file"), functions.count("*"))
            .first();
    LOG.info(
        "bronze.{}: {} new file(s), {} row(s) ingested", source.source(), read.get(0), read.get(1));
    return new Ingested(read.getLong(0), read.getLong(1));
  }
}
