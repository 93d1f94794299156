package coopstats.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends to {@code ops.runs} and {@code ops.quality}. */
public final class RunLog {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  public RunLog(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  public void record(RunRecord r) {
    TableSchema runs = schemas.table("ops.runs");
    Row row =
        RowFactory.create(
            r.runId(),
            r.logicalDate() == null ? null : Date.valueOf(r.logicalDate()),
            Timestamp.from(r.startedAt()),
            Timestamp.from(r.endedAt()),
            r.status(),
            r.exitCode(),
            r.message(),
            r.filesRead(),
            r.rowsRead(),
            r.rowsSilver(),
            r.rowsQuarantine(),
            r.reconciliation(),
            r.mode(),
            r.restored() == null
                ? null
                : scala.jdk.javaapi.CollectionConverters.asScala(r.restored()).toSeq(),
            r.deltaVersions(),
            r.fingerprint());
    warehouse.append(spark.createDataFrame(List.of(row), runs.sparkSchema()), runs);
  }

  /** The latest run that succeeded or was a no-op, if any. */
  public Optional<RunRecord.Published> lastPublished() {
    if (!warehouse.exists("ops", "runs")) {
      return Optional.empty();
    }
    Dataset<Row> runs = spark.read().format("delta").load(warehouse.path("ops", "runs"));
    if (!List.of(runs.columns()).contains("fingerprint")) {
      return Optional.empty(); // a run log from before fingerprints: publish once more
    }
    List<Row> rows =
        runs.where(col("status").isin("success", "noop"))
            .orderBy(col("started_at").desc())
            .limit(1)
            .select("fingerprint", "delta_versions")
            .collectAsList();
    if (rows.isEmpty() || rows.get(0).isNullAt(0)) {
      return Optional.empty();
    }
    return Optional.of(
        new RunRecord.Published(rows.get(0).getString(0), rows.get(0).getJavaMap(1)));
  }

  /** Counts the rows each rule caught, per silver table, as of this run. */
  public void quality(String runId) {
    if (!warehouse.exists("silver", "quarantine")) {
      return;
    }
    Dataset<Row> counts =
        spark
            .read()
            .format("delta")
            .load(warehouse.path("silver", "quarantine"))
            .groupBy(col("kind"), col("rule"))
            .agg(count("*").as("rows"))
            .select(
                lit(runId).as("run_id"),
                org.apache.spark.sql.functions.concat(lit("silver."), col("kind")).as("table_name"),
                col("rule"),
                lit("quarantine").as("action"),
                col("rows"));
    warehouse.append(counts, schemas.table("ops.quality"));
  }
}
