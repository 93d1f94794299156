package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.Schemas;
import coopstats.run.Pipeline;
import coopstats.run.RunResult;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats backfill}: one run per logical date, oldest first, as a scheduler catching up
 * would make them. It stops at the first run that fails, and says how to resume.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = "Run the pipeline for every logical date from --from to --to, in order.")
final class BackfillCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BackfillCommand.class);
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;
  @Mixin LandingOption landing;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date.")
  LocalDate to;

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      throw new ParameterException(
          spec.commandLine(), "--to " + to + " is before --from " + from + "; swap them.");
    }
    Schemas schemas = options.loadSchemas();
    String checked = landing.check(schemas);
    SparkSession spark = options.session();
    Warehouse warehouse = options.open(spark);
    String landingDir = LandingOption.resolve(checked, spark);
    Pipeline pipeline = new Pipeline(spark, warehouse, schemas);
    PrintWriter out = spec.commandLine().getOut();
    long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    long n = 0;
    List<String> rejected = new ArrayList<>();
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      n++;
      LOG.info("backfill: date {} ({} of {})", date, n, days);
      RunResult r;
      try {
        r = pipeline.run(landingDir, date, false);
      } catch (RuntimeException e) {
        throw Errors.backfillStopped(date.toString(), e);
      }
      out.printf(
          "%s  %s  %s%n",
          date,
          r.runId(),
          r.noop()
              ? "noop"
              : r.mode().value()
                  + ", "
                  + r.rowsRead().values().stream().mapToLong(Long::longValue).sum()
                  + " rows read"
                  + (r.rejected().isEmpty()
                      ? ""
                      : ", " + r.rejected().size() + " file(s) rejected"));
      out.flush();
      rejected.addAll(r.rejected());
    }
    if (!rejected.isEmpty()) {
      throw Errors.filesRejected(rejected);
    }
    return ExitCodes.OK;
  }
}
