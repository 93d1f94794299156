package coopstats.cli;

import coopstats.Errors;
import coopstats.contract.Schemas;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The landing folder a run reads: {@code --landing}, else the bundled sample. */
final class LandingOption {
  @Option(
      names = "--landing",
      paramLabel = "DIR",
      description = "Landing folder, one sub-folder per source; default: the bundled sample.")
  String landing;

  /** The folder, qualified as Hadoop names it. */
  String resolve(Schemas schemas, SparkSession spark) {
    String dir = landing != null ? landing : defaultLanding(schemas);
    return WarehouseOptions.qualify(dir, spark);
  }

  private static String defaultLanding(Schemas schemas) {
    Path sample = schemas.dir().toAbsolutePath().getParent().resolve("sample").resolve("landing");
    if (!sample.toFile().isDirectory()) {
      throw Errors.missingLanding(sample.toString());
    }
    return sample.toString();
  }
}
