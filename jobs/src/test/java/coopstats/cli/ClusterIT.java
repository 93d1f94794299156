package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar under {@code spark-submit} on a real Spark standalone cluster: a master and
 * one worker on 127.0.0.1, started from Spark's own jars (the project's dependencies but Delta and
 * picocli, which {@code --jars} adds from {@code jobs/target/submit-jars}, as docs/cluster.md
 * says). The gold tables it writes equal those of a local run on the sample.
 */
class ClusterIT {
  /** The jars docs/cluster.md tells a user to pass to spark-submit, besides Spark's own. */
  static final Path SUBMIT_JARS = TestPaths.home().resolve("jobs/target/submit-jars");

  @TempDir Path dir;

  @Test
  void theSampleOnAStandaloneClusterGivesTheGoldTablesOfALocalRun() throws Exception {
    Path sparkHome = sparkHome();
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    List<Process> cluster = new ArrayList<>();
    try {
      cluster.add(
          start(
              sparkHome,
              "master",
              "org.apache.spark.deploy.master.Master",
              "--host",
              "127.0.0.1",
              "--port",
              String.valueOf(port),
              "--webui-port",
              String.valueOf(freePort())));
      awaitLog("master", "I have been elected leader");
      cluster.add(
          start(
              sparkHome,
              "worker",
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--cores",
              "2",
              "--memory",
              "2g",
              "--webui-port",
              String.valueOf(freePort()),
              "--work-dir",
              dir.resolve("work").toString(),
              master));
      awaitLog("worker", "Successfully registered with master");

      Path warehouse = dir.resolve("cluster-warehouse");
      Process submit =
          start(
              sparkHome,
              "submit",
              "org.apache.spark.deploy.SparkSubmit",
              "--master",
              master,
              "--class",
              "coopstats.cli.Main",
              "--jars",
              submitJars(),
              "--conf",
              "spark.executor.memory=1g",
              TestPaths.home().resolve("jobs/target/coopstats-jobs.jar").toString(),
              "run",
              "--schemas",
              TestPaths.schemas().toString(),
              "--landing",
              TestPaths.home().resolve("sample/landing").toString(),
              "--warehouse",
              warehouse.toString());
      assertThat(submit.waitFor(10, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
      assertThat(submit.exitValue()).as(log("submit")).isZero();
      assertThat(Files.readString(dir.resolve("submit.out"))).contains("spark       " + master);
      // The executors ran on the worker: it keeps a folder per application.
      try (Stream<Path> apps = Files.list(dir.resolve("work"))) {
        assertThat(apps.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("app-"));
      }

      // The local run of the sample that the other launcher tests read too.
      Path local = LaunchedSample.warehouse();
      String clusterGold = gold(warehouse);
      assertThat(clusterGold)
          .contains(
              "gold.investment_share_yearly,\"{\"\"series\"\":\"\"programme_records\"\",\"\"year\"\":2019")
          .contains("gold.tech_investment_ratio_yearly,")
          .contains("gold.program_roi_yearly,");
      assertThat(clusterGold).isEqualTo(gold(local));
    } finally {
      for (Process p : cluster) {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  /** A SPARK_HOME whose jars/ holds Spark and its dependencies, as a Spark distribution does. */
  private Path sparkHome() throws IOException {
    Path jars = Files.createDirectories(dir.resolve("spark/jars"));
    try (Stream<Path> lib = Files.list(TestPaths.home().resolve("jobs/target/lib"))) {
      for (Path jar : lib.toList()) {
        String name = jar.getFileName().toString();
        if (!Files.exists(SUBMIT_JARS.resolve(name))) {
          Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
        }
      }
    }
    // A distribution has a RELEASE file; Spark's launcher then takes the classpath from jars/.
    Files.writeString(dir.resolve("spark/RELEASE"), "Spark 4.2.0 built for Scala 2.13\n");
    return dir.resolve("spark");
  }

  /** The comma-separated list docs/cluster.md's spark-submit line builds with ls and paste. */
  private static String submitJars() throws IOException {
    try (Stream<Path> jars = Files.list(SUBMIT_JARS)) {
      List<String> names = jars.map(Path::toString).sorted().toList();
      assertThat(names).anyMatch(n -> n.contains("delta-spark_2.13-"));
      return String.join(",", names);
    }
  }

  /** Starts a JVM as Spark's launcher would, logging to {@code <name>.out} and {@code .err}. */
  private Process start(Path sparkHome, String name, String main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("spark.jvm.flags").trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-cp", sparkHome.resolve("jars") + "/*", main));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile());
    // What a distribution's bin/load-spark-env.sh sets for every Spark JVM.
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private void awaitLog(String name, String line) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (log(name).contains(line)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " did not log '" + line + "' in 2 minutes:\n" + log(name));
  }

  private String log(String name) {
    try {
      Path err = dir.resolve(name + ".err");
      return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Every gold table's rows, one line each, sorted: one launcher call per warehouse. */
  private static String gold(Path warehouse) throws Exception {
    String query =
        String.join(
                " UNION ALL ",
                CrashIT.TABLES.stream()
                    .filter(t -> t.startsWith("gold."))
                    .map(t -> "SELECT '" + t + "' AS t, to_json(struct(*)) AS row FROM " + t)
                    .toList())
            + " ORDER BY ALL";
    CliIT.Result r =
        CliIT.coopstats("sql", "--warehouse", warehouse.toString(), "--format", "csv", query);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }
}
