package coopstats.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bundled sample run once by {@code bin/coopstats} in its own JVM, shared by the integration
 * tests that only read the warehouse. It is {@code bin/coopstats run} alone, as on a fresh
 * checkout, from a folder of its own: the sample into {@code ./warehouse}, the one case where no
 * option is needed. The run is given credentials in its Spark and Hadoop configuration, as a user
 * would pass them, so that its output can be checked for them.
 */
final class LaunchedSample {
  static final String SECRET = "Zq8cSecretValue";

  private static Path warehouse;
  private static CliIT.Result run;

  private LaunchedSample() {}

  static synchronized CliIT.Result run() {
    if (run == null) {
      try {
        Path cwd = Files.createTempDirectory("coopstats-launched");
        warehouse = cwd.resolve("warehouse");
        String javaOpts =
            "-Dspark.hadoop.fs.s3a.access.key=AKIA"
                + SECRET
                + " -Dspark.hadoop.fs.s3a.secret.key="
                + SECRET
                + " -Dspark.hadoop.fs.azure.account.key.coop.dfs.core.windows.net="
                + SECRET;
        run = CliIT.coopstatsIn(cwd, Map.of("JAVA_OPTS", javaOpts), "run");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return run;
  }

  static Path warehouse() {
    CliIT.Result r = run();
    if (r.code() != 0) {
      throw new AssertionError("the sample run failed: " + r.err());
    }
    return warehouse;
  }
}
