package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.DataDictionary;
import coopstats.contract.Schemas;
import coopstats.contract.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coopstats docs}: writes the data dictionary from the schema files; needs no Spark. */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = "Write the data dictionary (docs/tables.md) from the table schema files.")
final class DocsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--schemas",
      paramLabel = "DIR",
      description = "The schemas folder; default: $COOPSTATS_HOME/schemas, else ./schemas.")
  Path schemas;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write; default: $COOPSTATS_HOME/docs/tables.md, else docs/tables.md.")
  Path out;

  @Override
  public Integer call() {
    Path file = out != null ? out : Settings.home().resolve("docs").resolve("tables.md");
    String md = DataDictionary.render(Schemas.load(Settings.schemas(schemas)));
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.cannotWrite(file.toString(), e.toString());
    }
    spec.commandLine().getErr().println("coopstats: wrote " + file.normalize());
    return ExitCodes.OK;
  }
}
