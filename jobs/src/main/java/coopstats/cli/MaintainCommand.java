package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.ops.Maintenance;
import coopstats.ops.RunLog;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coopstats maintain}: OPTIMIZE and VACUUM of bronze, silver and gold, between runs. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description =
        "Compact the small files nightly runs leave (Delta OPTIMIZE) and delete files no version"
            + " within the retention needs (VACUUM). Waits for no run: exits 75 while one holds the"
            + " warehouse.")
final class MaintainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Option(
      names = "--retain-hours",
      defaultValue = "168",
      paramLabel = "H",
      description =
          "Keep the files of the versions of the last H hours (default: ${DEFAULT-VALUE}), at most"
              + " the tables' log retention (720 unless changed). Set on every table as"
              + " delta.deletedFileRetentionDuration, which VACUUM and time travel obey.")
  long retainHours;

  @Option(
      names = "--unsafe-retention",
      description = "Allow --retain-hours below 168, Delta's default retention.")
  boolean unsafeRetention;

  @Override
  public Integer call() {
    if (retainHours < 0 || (retainHours < Maintenance.SAFE_RETAIN_HOURS && !unsafeRetention)) {
      throw Errors.shortRetention(retainHours, Maintenance.SAFE_RETAIN_HOURS);
    }
    var schemas = options.loadSchemas();
    SparkSession spark = options.existingSession();
    Warehouse warehouse = options.open(spark);
    if (!warehouse.exists("ops", "runs")) {
      throw Errors.missingWarehouse(warehouse.root() + " (no ops.runs table)");
    }
    List<Maintenance.Compacted> done =
        new Maintenance(spark, warehouse, new RunLog(warehouse, schemas)).run(retainHours);
    PrintWriter out = spec.commandLine().getOut();
    List<Row> rows =
        done.stream()
            .map(c -> RowFactory.create(c.table(), c.filesBefore(), c.filesAfter()))
            .toList();
    new TableFormat(List.of("table", "files before", "files after"), rows).print(out);
    out.flush();
    return ExitCodes.OK;
  }
}
