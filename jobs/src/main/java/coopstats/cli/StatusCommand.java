package coopstats.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coopstats status}: the latest runs from ops.runs, and the latest run's quality counts. */
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
    SparkSession spark = options.session();
    Warehouse warehouse = options.open(spark);
    if (!warehouse.exists("ops", "runs")) {
      throw Errors.missingWarehouse(warehouse.root() + " (no ops.runs table)");
    }
    PrintWriter out = spec.commandLine().getOut();
    Dataset<Row> log = spark.read().format("delta").load(warehouse.path("ops", "runs"));
    if (!List.of(log.columns()).contains("mode")) {
      log = log.withColumn("mode", lit(null).cast("string")); // a log from before modes
    }
    List<Row> runs =
        log.orderBy(col("started_at").desc())
            .limit(Math.max(1, limit))
            .selectExpr(
                "run_id",
                "logical_date",
                "status",
                "mode",
                "exit_code",
                "CAST(unix_millis(ended_at) - unix_millis(started_at) AS DOUBLE) / 1000 AS seconds",
                "aggregate(map_values(files_read), 0L, (a, b) -> a + b) AS files",
                "aggregate(map_values(rows_read), 0L, (a, b) -> a + b) AS rows_read",
                "aggregate(map_values(rows_silver), 0L, (a, b) -> a + b) AS silver",
                "aggregate(map_values(rows_quarantine), 0L, (a, b) -> a + b) AS quarantine",
                "reconciliation",
                "message")
            .collectAsList();
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
    String latest =
        runs.stream()
            .filter(r -> "success".equals(r.getString(2)))
            .map(r -> r.getString(0))
            .findFirst()
            .orElse(null);
    if (latest != null && warehouse.exists("ops", "quality")) {
      out.println();
      out.println("Data quality of the latest successful run, " + latest + " (ops.quality):");
      new TableFormat(
              List.of("table", "rule", "action", "rows"),
              spark
                  .read()
                  .format("delta")
                  .load(warehouse.path("ops", "quality"))
                  .where(col("run_id").equalTo(latest))
                  .orderBy("table_name", "rule")
                  .select("table_name", "rule", "action", "rows")
                  .collectAsList())
          .print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
