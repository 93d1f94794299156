package coopstats.cli;

import coopstats.ExitCodes;
import coopstats.report.Report;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coopstats report}: a static HTML report of the gold tables and the latest run. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a self-contained HTML report (index.html, charts as inline SVG) of the gold tables",
      "and the latest run's data quality; it opens offline in any browser."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "report",
      description = "Folder to write index.html into (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    System.setProperty("java.awt.headless", "true");
    var spark = options.existingSession();
    Path file = Report.write(spark, options.open(spark), out);
    spec.commandLine().getErr().println("coopstats: wrote " + file.toAbsolutePath().normalize());
    return ExitCodes.OK;
  }
}
