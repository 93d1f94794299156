package coopstats.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bundled sample run once by {@code bin/coopstats} in its own JVM, shared by the integration
 * tests that only read the warehouse. The run is given credentials in its Spark and Hadoop
 * configuration, as a user would pass them, so that its output can be checked for them.
 */
final class LaunchedSample {
  static final String SECRET = "Zq8cSecretValue";

  private static Path warehouse;
  private static CliIT.Result run;

  private LaunchedSample() {}

  static synchronized CliIT.Result run() {
    if (run == null) {
      try {
        warehouse = Files.createTempDirectory("coopstats-launched").resolve("warehouse");
        String javaOpts =
            "-Dspark.hadoop.fs.s3a.access.key=AKIA"
                + SECRET
                + " -Dspark.hadoop.fs.s3a.secret.key="
                + SECRET
                + " -Dspark.hadoop.fs.azure.account.key.coop.dfs.core.windows.net="
                + SECRET;
        run =
            CliIT.coopstats(
                Map.of("JAVA_OPTS", javaOpts), "run", "--warehouse", warehouse.toString());
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
