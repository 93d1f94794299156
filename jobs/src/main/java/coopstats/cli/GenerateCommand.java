package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.Schemas;
import coopstats.contract.Settings;
import coopstats.generate.Generator;
import coopstats.generate.Report;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coopstats generate}: a synthetic landing folder, or a night's delta on top of one. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic landing folder (all four kinds, about 1%% bad rows), deterministic for a"
            + " seed, or with --night a night's new files on top of one.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      required = true,
      paramLabel = "N",
      description =
          "Investment rows; joint_lab gets N/20, training N/50, fund N/10. With --night, the"
              + " history the delta goes on top of.")
  long rows;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Landing folder.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Same seed, same bytes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--night",
      paramLabel = "YYYY-MM-DD",
      description =
          "Write that night's delta into <source>/dt=YYYY-MM-DD/: 1%% new rows per kind and a"
              + " tenth of that as corrections of existing keys.")
  LocalDate night;

  @Option(
      names = "--file-rows",
      defaultValue = "250000",
      paramLabel = "N",
      description = "At most N rows per file (default: ${DEFAULT-VALUE}).")
  long fileRows;

  @Option(
      names = "--schemas",
      paramLabel = "DIR",
      description = "The schemas folder whose reference data rows are drawn from.")
  Path schemas;

  @Override
  public Integer call() {
    if (rows < 1) {
      throw Errors.badOption("--rows", Long.toString(rows), "a positive number of rows");
    }
    if (fileRows < 2) {
      throw Errors.badOption("--file-rows", Long.toString(fileRows), "at least 2");
    }
    Path dir = Schemas.load(Settings.schemas(schemas)).dir();
    try {
      Report report =
          Generator.write(new Generator.Settings(dir, out, rows, seed, fileRows, night));
      report.print(spec.commandLine().getOut());
    } catch (UncheckedIOException e) {
      throw Errors.cannotWrite(out.toString(), e.getCause().getMessage());
    }
    return ExitCodes.OK;
  }
}
