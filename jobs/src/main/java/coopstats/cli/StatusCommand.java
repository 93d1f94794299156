package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.GoldQuery;
import coopstats.contract.RunStatus;
import coopstats.kernel.KernelWarehouse;
import coopstats.ops.RunLog;
import coopstats.ops.RunRecord;
import java.io.PrintWriter;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats status}: the latest runs from ops.runs, the latest successful run's quality
 * counts, and what each series holds in gold. It reads the tables with Delta Kernel and starts no
 * Spark session, so that it answers in seconds.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the latest runs and what the data-quality rules caught.")
final class StatusCommand implements Callable<Integer> {
  /** How status prints. */
  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "How many runs to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      description =
          "table (for people) or json (one document: runs, quality, series; default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    KernelWarehouse warehouse = options.existingTables();
    // Which gold tables are sums tables comes from Spark's parse of their SQL, which takes seconds
    // on a cold JVM: it runs on another core while ops.runs is read, in a thread of its own that
    // keeps this one's class loader (spark-submit's, for one).
    CompletableFuture<List<GoldQuery>> sums =
        CompletableFuture.supplyAsync(
            this::sumsQueries,
            task -> {
              Thread t = new Thread(task, "coopstats-gold-queries");
              t.setDaemon(true);
              t.start();
            });
    if (!warehouse.exists("ops", "runs")) {
      throw Errors.missingWarehouse(warehouse.root() + " (no ops.runs table)");
    }
    List<Row> runs = RunLog.latest(warehouse.rows("ops", "runs"), Math.max(1, limit));
    List<RunRecord> latest = runs.stream().map(RunRecord::of).toList();
    String success =
        latest.stream()
            .filter(r -> r.status() == RunStatus.SUCCESS)
            .map(RunRecord::runId)
            .findFirst()
            .orElse(null);
    List<Row> quality =
        success == null || !warehouse.exists("ops", "quality")
            ? null
            : warehouse.rows("ops", "quality").stream()
                .filter(r -> success.equals(r.getAs("run_id")))
                .sorted(
                    Comparator.comparing((Row r) -> r.<String>getAs("table_name"))
                        .thenComparing(r -> r.<String>getAs("rule")))
                .toList();
    List<Row> series = series(warehouse, joined(sums));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(StatusJson.document(runs, quality, series));
    } else {
      print(out, latest, success, quality, series);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(
      PrintWriter out,
      List<RunRecord> latest,
      String success,
      List<Row> quality,
      List<Row> series) {
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
            latest.stream().map(StatusCommand::line).toList())
        .print(out);
    if (quality != null) {
      out.println();
      out.println("Data quality of the latest successful run, " + success + " (ops.quality):");
      new TableFormat(
              List.of("table", "rule", "action", "rows"),
              quality.stream()
                  .map(
                      r ->
                          RowFactory.create(
                              r.getAs("table_name"),
                              r.getAs("rule"),
                              r.getAs("action"),
                              r.getAs("rows")))
                  .toList())
          .print(out);
    }
    if (!series.isEmpty()) {
      out.println();
      out.println("Series in gold (each figure is computed within one series):");
      new TableFormat(List.of("series", "table", "first year", "last year", "records"), series)
          .print(out);
    }
  }

  /**
   * What each series holds in gold: per sums table, the years it covers and the silver records
   * summed, as rows of series, table, first_year, last_year, records, ordered by series and table.
   * The sums tables are small (a few thousand rows), so this reads no silver.
   */
  private static List<Row> series(KernelWarehouse warehouse, List<GoldQuery> sums) {
    List<Row> per = new ArrayList<>();
    for (GoldQuery q : sums) {
      if (warehouse.exists("gold", q.name())) {
        per.addAll(SeriesSummary.of(q.table(), warehouse.rows("gold", q.name())));
      }
    }
    per.sort(
        Comparator.comparing(
                (Row r) -> r.getString(0), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.getString(1)));
    return per;
  }

  private List<GoldQuery> sumsQueries() {
    return options.loadSchemas().goldQueries().stream()
        .filter(q -> q.kind() == GoldQuery.Kind.SUMS)
        .toList();
  }

  /** The future's value; its failure (a schema file that does not load) thrown as it was. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
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
