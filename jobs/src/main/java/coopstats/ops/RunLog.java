package coopstats.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import coopstats.contract.RuleSpec;
import coopstats.contract.RunStatus;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
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

/** Appends to {@code ops.runs} and {@code ops.quality}. */
public final class RunLog {
  private final Warehouse warehouse;
  private final Schemas schemas;

  public RunLog(Warehouse warehouse, Schemas schemas) {
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  /** Appends the run's row, built by column name and checked against the schema file. */
  public void record(RunRecord r) {
    TableSchema runs = schemas.table("ops.runs");
    warehouse.append(List.of(runs.row(r.columns())), runs);
  }

  /** The latest run that succeeded or was a no-op, if any. */
  public Optional<RunRecord.Published> lastPublished() {
    if (!warehouse.exists("ops", "runs")) {
      return Optional.empty();
    }
    Dataset<Row> runs = warehouse.read("ops", "runs");
    List<RunRecord> last =
        latest(runs, 1, List.of(RunStatus.SUCCESS, RunStatus.PARTIAL, RunStatus.NOOP));
    // A run log from before fingerprints has none: publish once more.
    if (last.isEmpty() || last.get(0).fingerprint() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RunRecord.Published(last.get(0).fingerprint(), last.get(0).deltaVersions()));
  }

  /** The latest {@code limit} runs of {@code log} (ops.runs), newest first, of any status. */
  public static List<RunRecord> latest(Dataset<Row> log, int limit) {
    return newest(log, limit);
  }

  /**
   * The latest {@code limit} rows of {@code log} (the rows of ops.runs, read without Spark), newest
   * first, as {@link #latest(Dataset, int)} orders them.
   */
  public static List<Row> latest(List<Row> log, int limit) {
    return log.stream()
        .sorted(Comparator.comparing((Row r) -> r.<Timestamp>getAs("started_at")).reversed())
        .limit(limit)
        .toList();
  }

  /** The latest {@code limit} runs of {@code log} (ops.runs) with one of {@code statuses}. */
  public static List<RunRecord> latest(Dataset<Row> log, int limit, List<RunStatus> statuses) {
    return newest(
        log.where(col("status").isin(statuses.stream().map(RunStatus::value).toArray())), limit);
  }

  private static List<RunRecord> newest(Dataset<Row> log, int limit) {
    return log.orderBy(col("started_at").desc()).limit(limit).collectAsList().stream()
        .map(RunRecord::of)
        .toList();
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
          warehouse
              .read("silver", "quarantine")
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
    TableSchema quality = schemas.table("ops.quality");
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (k, n) ->
            rows.add(
                quality.row(
                    Map.of(
                        "run_id", runId,
                        "table_name", k.get(0),
                        "rule", k.get(1),
                        "action", k.get(2),
                        "rows", n))));
    warehouse.append(rows, quality);
  }
}
