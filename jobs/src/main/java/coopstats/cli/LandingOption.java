package coopstats.cli;

import coopstats.Errors;
import coopstats.bronze.LandingFolder;
import coopstats.contract.Schemas;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The landing folder a run reads: {@code --landing}, else the bundled sample, but only into the
 * default warehouse: a run into a warehouse of one's own never takes in the sample by omission.
 */
final class LandingOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--landing",
      paramLabel = "DIR",
      description =
          "Landing folder, one sub-folder per source. Required with --warehouse; without"
              + " --warehouse, the bundled sample.")
  String landing;

  /**
   * The landing folder as a URI, checked before Spark starts where it is local: a folder that is
   * missing, is a file, cannot be listed or holds a source without a profile stops the command
   * before it creates a warehouse or a run.
   */
  String check(Schemas schemas) {
    String dir = WarehouseOptions.qualify(landing != null ? landing : sample(schemas));
    LandingFolder.checkLocal(dir, schemas);
    return dir;
  }

  /** A {@link #check}ed folder, qualified as Hadoop names it. */
  static String resolve(String checked, SparkSession spark) {
    return WarehouseOptions.qualify(checked, spark);
  }

  private String sample(Schemas schemas) {
    var parsed = command.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--warehouse")) {
      throw Errors.landingRequired(command.name(), parsed.matchedOptionValue("--warehouse", "DIR"));
    }
    Path sample = schemas.dir().toAbsolutePath().getParent().resolve("sample").resolve("landing");
    if (!sample.toFile().isDirectory()) {
      throw Errors.missingLanding(sample.toString());
    }
    return sample.toString();
  }
}
