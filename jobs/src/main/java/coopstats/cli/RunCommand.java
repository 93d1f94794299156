package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.Schemas;
import coopstats.run.Pipeline;
import coopstats.run.RunResult;
import coopstats.spark.Warehouse;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coopstats run}: landing to bronze, silver and gold, then a short summary on stdout. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Ingest new landing files and bring silver and gold up to date.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;
  @Mixin LandingOption landing;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Logical run date, as schedulers pass it (Airflow's {{ ds }}). Files in dt=YYYY-MM-DD"
              + " folders dated after it are left for their own run; default: today (UTC).")
  LocalDate date;

  @Option(
      names = "--full-refresh",
      description =
          "Rebuild ref, silver and gold from everything in bronze, even when nothing is new.")
  boolean fullRefresh;

  @Override
  public Integer call() {
    Schemas schemas = options.loadSchemas();
    String landingDir = landing.check(schemas);
    SparkSession spark = options.session();
    Warehouse warehouse = options.open(spark);
    RunResult result =
        new Pipeline(spark, warehouse, schemas)
            .run(LandingOption.resolve(landingDir, spark), date, fullRefresh);
    Summary.print(spec.commandLine().getOut(), spark, warehouse, result);
    if (!result.rejected().isEmpty()) {
      throw Errors.filesRejected(result.rejected());
    }
    return ExitCodes.OK;
  }
}
