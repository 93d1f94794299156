package coopstats.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import coopstats.contract.RuleSpec;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        runs.where(col("status").isin("success", "partial", "noop"))
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

  /**
   * Counts the rows each rule caught, per table, as of this run: every rule that put rows in
   * quarantine, every declared rule (0 when nothing broke it), and the warn rules' counts over
   * silver. Fail rules and gold checks count 0 here, as a run they stop publishes nothing. Each
   * source's {@code extra_columns} counts the rows this run ingested with values in columns its
   * profile does not map, kept in bronze's {@code _rescued}.
   */
  public void quality(
      String runId, Map<String, Map<String, Long>> warnings, Map<String, Long> rescuedRows) {
    Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing(Object::toString));
    if (warehouse.exists("silver", "quarantine")) {
      for (Row r :
          spark
              .read()
              .format("delta")
              .load(warehouse.path("silver", "quarantine"))
              .groupBy(col("kind"), col("rule"))
              .agg(count("*"))
              .collectAsList()) {
        counts.put(List.of("silver." + r.getString(0), r.getString(1), "quarantine"), r.getLong(2));
      }
    }
    for (TableSchema t : schemas.tables()) {
      for (RuleSpec rule : t.rulesOrEmpty()) {
        String action = rule.actionOrDefault().name().toLowerCase(Locale.ROOT);
        long n = warnings.getOrDefault(t.table(), Map.of()).getOrDefault(rule.name(), 0L);
        counts.merge(List.of(t.table(), rule.name(), action), n, Long::sum);
      }
    }
    rescuedRows.forEach(
        (source, n) -> counts.put(List.of("bronze." + source, "extra_columns", "warn"), n));
    List<Row> rows = new ArrayList<>();
    counts.forEach((k, n) -> rows.add(RowFactory.create(runId, k.get(0), k.get(1), k.get(2), n)));
    TableSchema quality = schemas.table("ops.quality");
    warehouse.append(spark.createDataFrame(rows, quality.sparkSchema()), quality);
  }
}
