package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.TestSpark;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/coopstats serve} in its own JVM serves the sample warehouse over Spark Connect; a
 * Spark Connect client in this JVM reads a gold table through it and gets the table's rows.
 */
class ServeIT {
  static final String QUERY =
      "SELECT * FROM gold.investment_share_yearly ORDER BY year, group_type, group_key";

  @TempDir Path dir;

  @Test
  void aSparkConnectClientReadsGoldThroughTheServer() throws Exception {
    Path warehouse = LaunchedSample.warehouse();
    List<String> expected =
        text(
            TestSpark.session()
                .read()
                .format("delta")
                .load(warehouse.resolve("gold/investment_share_yearly").toString())
                .orderBy("year", "group_type", "group_key")
                .collectAsList());
    assertThat(expected).isNotEmpty();

    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path err = dir.resolve("serve.err");
    Process server =
        new ProcessBuilder(
                TestPaths.home().resolve("bin/coopstats").toString(),
                "serve",
                "--warehouse",
                warehouse.toString(),
                "--port",
                String.valueOf(port))
            .redirectOutput(dir.resolve("serve.out").toFile())
            .redirectError(err.toFile())
            .start();
    try {
      awaitServing(server, err);
      try (org.apache.spark.sql.connect.SparkSession client =
          org.apache.spark.sql.connect.SparkSession.builder()
              .remote("sc://127.0.0.1:" + port)
              .create()) {
        assertThat(text(client.sql(QUERY).collectAsList())).containsExactlyElementsOf(expected);
        assertThat(text(client.sql("SHOW TABLES IN gold").collectAsList()))
            .anyMatch(t -> t.contains("investment_share_yearly"));
      }
    } finally {
      server.destroy();
      if (!server.waitFor(2, TimeUnit.MINUTES)) {
        server.destroyForcibly();
      }
    }
    assertThat(server.isAlive()).isFalse();
  }

  /** Waits for the server's "serving" line; fails with its log if it exits first. */
  private static void awaitServing(Process server, Path err) throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < giveUp) {
      String log = Files.readString(err, StandardCharsets.UTF_8);
      if (log.contains("coopstats: serving")) {
        assertThat(log).contains("on sc://127.0.0.1:");
        return;
      }
      if (!server.isAlive()) {
        throw new AssertionError("coopstats serve exited with " + server.exitValue() + ":\n" + log);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("coopstats serve did not start in 10 minutes");
  }

  private static List<String> text(List<Row> rows) {
    return rows.stream().map(Row::toString).toList();
  }
}
