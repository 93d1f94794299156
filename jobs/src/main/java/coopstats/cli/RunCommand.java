package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.Pipeline;
import coopstats.contract.Schemas;
import coopstats.spark.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coopstats run}: landing to bronze, silver and gold, then a short summary on stdout. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Ingest new landing files and rebuild silver and gold.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Option(
      names = "--landing",
      paramLabel = "DIR",
      description = "Landing folder, one sub-folder per source; default: the bundled sample.")
  String landing;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Logical run date, as schedulers pass it (Airflow's {{ ds }}).")
  LocalDate date;

  @Option(
      names = "--full-refresh",
      description =
          "Rebuild ref, silver and gold from everything in bronze, even when nothing is new.")
  boolean fullRefresh;

  @Override
  public Integer call() {
    Schemas schemas = options.loadSchemas();
    String landingDir = landing != null ? landing : defaultLanding(schemas);
    SparkSession spark = options.session();
    Warehouse warehouse = options.open(spark);
    Pipeline.Result result =
        new Pipeline(spark, warehouse, schemas)
            .run(WarehouseOptions.qualify(landingDir, spark), date, fullRefresh);
    Summary.print(spec.commandLine().getOut(), spark, warehouse, result);
    return ExitCodes.OK;
  }

  private static String defaultLanding(Schemas schemas) {
    Path sample = schemas.dir().toAbsolutePath().getParent().resolve("sample").resolve("landing");
    if (!sample.toFile().isDirectory()) {
      throw Errors.missingLanding(sample.toString());
    }
    return sample.toString();
  }
}
