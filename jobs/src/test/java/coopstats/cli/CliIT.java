package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.ops.RunLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a user runs it: {@code bin/coopstats} in its own JVM, on the bundled sample. */
class CliIT {
  @TempDir static Path dir;
  static Result run;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void runSample() {
    run = LaunchedSample.run();
  }

  @Test
  void credentialsInSparkAndHadoopConfigurationAreNeverPrinted() {
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain(LaunchedSample.SECRET);
    assertThat(run.err()).doesNotContain(LaunchedSample.SECRET);
  }

  @Test
  void runOnTheSamplePrintsWhereTheTablesAreAndASummary() {
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("warehouse   file:" + LaunchedSample.warehouse())
        .contains("Belt and Road partners' share of outbound investment")
        .contains("in silver.quarantine");
    assertThat(run.err()).contains("stage bronze").contains("stage gold");
    // Quiet by default: nothing on stderr that a user cannot act on.
    assertThat(run.err())
        .doesNotContain("WARNING: Using incubator modules")
        .doesNotContain("resolves to a loopback address")
        .doesNotContain("SPARK_LOCAL_IP")
        .doesNotContain("created concurrently")
        .doesNotContain("Converting duplicated key")
        .doesNotContain("locally checkpointed");
  }

  @Test
  void sqlCsvPrintsOnlyAHeaderAndRowsOnStdout() throws Exception {
    Result r =
        coopstats(
            "sql",
            "--warehouse",
            LaunchedSample.warehouse().toString(),
            "--format",
            "csv",
            "SELECT * FROM gold.investment_share_yearly ORDER BY year, group_type, group_key");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("series,year,group_type,group_key,amount_usd,total_usd,share,yoy_growth");
    assertThat(lines.subList(1, lines.size()))
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches("programme_records,\\d{4},(all|country_group|region|country),.*"));
  }

  @Test
  void sqlJsonPrintsOneObjectPerRow() throws Exception {
    Result r =
        coopstats(
            "sql",
            "--warehouse",
            LaunchedSample.warehouse().toString(),
            "--format",
            "json",
            "SELECT year, share FROM gold.investment_share_yearly WHERE group_type = 'all' AND year = 2019");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("{\"year\":2019,\"share\":1.0}");
  }

  @Test
  void exitCodesFollowSysexits() throws Exception {
    Result usage = coopstats("run", "--no-such-option");
    assertThat(usage.code()).isEqualTo(64);
    Result missing =
        coopstats(
            "run",
            "--landing",
            dir.resolve("nowhere").toString(),
            "--warehouse",
            dir.resolve("w2").toString());
    assertThat(missing.code()).isEqualTo(66);
    assertThat(missing.err()).contains("landing folder not found").contains("--landing");
    assertThat(dir.resolve("w2")).as("a warehouse for a run that could not start").doesNotExist();
    Result noWarehouse = coopstats("sql", "--warehouse", dir.resolve("w3").toString(), "SELECT 1");
    assertThat(noWarehouse.code()).isEqualTo(66);
    assertThat(noWarehouse.err()).contains("warehouse not found");
  }

  /**
   * A run into a warehouse of one's own with no --landing, or with a landing folder that is not
   * there, stops with the usage or no-input code before Spark starts, and creates nothing.
   */
  @Test
  void aRunWithoutItsLandingFolderStopsAtOnceAndCreatesNoWarehouse() throws Exception {
    Path warehouse = dir.resolve("prod");
    Result noLanding = coopstats("run", "--warehouse", warehouse.toString());
    assertThat(noLanding.code()).as(noLanding.err()).isEqualTo(64);
    assertThat(noLanding.err().lines())
        .contains(
            "coopstats: --landing is required with --warehouse: the bundled sample is read only"
                + " into the default warehouse (./warehouse, when --warehouse is not given), never"
                + " into "
                + warehouse
                + ". Pass the folder that holds one sub-folder per source, for example: coopstats"
                + " run --warehouse "
                + warehouse
                + " --landing /data/landing");
    assertThat(noLanding.out()).isEmpty();

    Path landing = dir.resolve("no-such-landing");
    Result missing =
        coopstats("run", "--landing", landing.toString(), "--warehouse", warehouse.toString());
    assertThat(missing.code()).as(missing.err()).isEqualTo(66);
    assertThat(missing.err().lines())
        .contains(
            "coopstats: landing folder not found: "
                + "file:"
                + landing
                + ". Pass --landing with a folder that holds one sub-folder per source (for"
                + " example landing/cgit/).");
    assertThat(warehouse).doesNotExist();
  }

  @Test
  void aSecondRunOnTheSameWarehouseIsRefusedWith75WhileTheFirstHoldsIt() throws Exception {
    // The first run's lock, held by this JVM (a live process on this host) as a run holds it.
    Path warehouse = Files.createDirectories(dir.resolve("busy"));
    Path lock = warehouse.resolve("_lock");
    try (RunLock first =
        RunLock.acquire(new Configuration(), warehouse.toUri().toString(), "first-run")) {
      Result second =
          coopstats(
              "run",
              "--landing",
              TestPaths.sample().toString(),
              "--warehouse",
              warehouse.toString());
      assertThat(second.code()).isEqualTo(75);
      assertThat(second.err()).contains("another run holds the warehouse", "first-run");
      assertThat(lock).as("the first run's lock, left alone").exists();
    }
    assertThat(lock).doesNotExist();
    // A launched run that ends leaves no lock behind.
    assertThat(LaunchedSample.warehouse().resolve("_lock")).doesNotExist();
  }

  /** Runs {@code bin/coopstats} in its own JVM and returns its exit code, stdout and stderr. */
  static Result coopstats(String... args) throws IOException, InterruptedException {
    return coopstatsIn(null, Map.of(), args);
  }

  /**
   * As {@link #coopstats(String...)}, in the working directory {@code cwd} and with {@code env}
   * added to the environment.
   */
  static Result coopstatsIn(Path cwd, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(TestPaths.home().resolve("bin/coopstats").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("coopstats-out", ".txt");
    Path err = Files.createTempFile("coopstats-err", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory((cwd != null ? cwd : out.getParent()).toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(env);
      Process p = builder.start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("coopstats did not finish in 10 minutes: " + command);
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
