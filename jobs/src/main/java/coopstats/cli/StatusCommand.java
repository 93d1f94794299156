package coopstats.cli;

import static org.apache.spark.sql.functions.col;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.GoldQuery;
import coopstats.contract.RunStatus;
import coopstats.ops.RunLog;
import coopstats.ops.RunRecord;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats status}: the latest runs from ops.runs, the latest run's quality counts, and
 * what each series holds in gold.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the latest runs and what the data-quality rules caught.")
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "How many runs to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    SparkSession spark = options.existingSession();
    Warehouse warehouse = options.open(spark);
    if (!warehouse.exists("ops", "runs")) {
      throw Errors.missingWarehouse(warehouse.root() + " (no ops.runs table)");
    }
    PrintWriter out = spec.commandLine().getOut();
    Dataset<Row> log = warehouse.read("ops", "runs");
    List<RunRecord> latest = RunLog.latest(log, Math.max(1, limit));
    List<Row> runs = latest.stream().map(StatusCommand::line).toList();
    out.println("Latest runs (ops.runs):");
    new TableFormat(
            List.of(
                "run_id",
                "date",
                "status",
                "mode",
                "exit",
                "seconds",
                "new files",
                "rows read",
                "silver",
                "quarantine",
                "reconciliation",
                "message"),
            runs)
        .print(out);
    String success =
        latest.stream()
            .filter(r -> r.status() == RunStatus.SUCCESS)
            .map(RunRecord::runId)
            .findFirst()
            .orElse(null);
    if (success != null && warehouse.exists("ops", "quality")) {
      out.println();
      out.println("Data quality of the latest successful run, " + success + " (ops.quality):");
      new TableFormat(
              List.of("table", "rule", "action", "rows"),
              warehouse
                  .read("ops", "quality")
                  .where(col("run_id").equalTo(success))
                  .orderBy("table_name", "rule")
                  .select("table_name", "rule", "action", "rows")
                  .collectAsList())
          .print(out);
    }
    series(out, warehouse);
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * What each series holds in gold: per sums table, the years it covers and the silver records
   * summed. The sums tables are small (a few thousand rows), so this reads no silver.
   */
  private void series(PrintWriter out, Warehouse warehouse) {
    List<Dataset<Row>> per = new ArrayList<>();
    for (GoldQuery q : options.loadSchemas().goldQueries()) {
      if (q.kind() == GoldQuery.Kind.SUMS && warehouse.exists("gold", q.name())) {
        per.add(
            warehouse
                .read("gold", q.name())
                .groupBy(col("series"))
                .agg(
                    functions.lit(q.table()).as("table"),
                    functions.min("year").as("first_year"),
                    functions.max("year").as("last_year"),
                    functions.sum("records").as("records")));
      }
    }
    if (per.isEmpty()) {
      return;
    }
    out.println();
    out.println("Series in gold (each figure is computed within one series):");
    new TableFormat(
            List.of("series", "table", "first year", "last year", "records"),
            per.stream()
                .reduce(Dataset::unionByName)
                .orElseThrow()
                .orderBy("series", "table")
                .select("series", "table", "first_year", "last_year", "records")
                .collectAsList())
        .print(out);
  }

  /** What the table shows of a run: its counts as totals, its start and end as seconds. */
  private static Row line(RunRecord r) {
    return RowFactory.create(
        r.runId(),
        r.logicalDate() == null ? null : Date.valueOf(r.logicalDate()),
        r.status().value(),
        r.mode() == null ? null : r.mode().value(),
        r.exitCode(),
        (double) (r.endedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000,
        total(r.filesRead()),
        total(r.rowsRead()),
        total(r.rowsSilver()),
        total(r.rowsQuarantine()),
        r.reconciliation(),
        r.message());
  }

  private static Long total(Map<String, Long> counts) {
    return counts == null ? null : counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
