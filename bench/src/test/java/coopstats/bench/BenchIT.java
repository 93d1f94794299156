package coopstats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke of {@code bench/run} at 20,000 rows, its night run twice: the script completes, prints
 * every figure of its table, and the DuckDB peer's gold equals the pipeline's. Timings are printed,
 * never asserted. It lives in the bench module so that it runs after the peer is packaged.
 */
class BenchIT {
  @TempDir Path dir;

  static Path home() {
    String home = System.getProperty("coopstats.home");
    assertThat(home).as("system property coopstats.home (set by the build)").isNotNull();
    return Path.of(home);
  }

  @Test
  void theBenchmarkCompletesAtSmokeSizeAndDuckDbAgreesWithThePipeline() throws Exception {
    Path out = dir.resolve("bench.out");
    Path err = dir.resolve("bench.err");
    Process p =
        new ProcessBuilder(
                List.of(
                    home().resolve("bench/run").toString(),
                    "--sizes",
                    "20000",
                    "--nights",
                    "2",
                    "--no-build",
                    "--no-record",
                    "--work",
                    dir.resolve("work").toString()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(20, TimeUnit.MINUTES)).as("bench/run finished").isTrue();
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
    assertThat(printed)
        .contains("| figure | measured | target |")
        .contains("| cold sample run ÷ bare SparkSession start and stop |")
        .contains(
            "| a night with one new 60-row file, on the sample's warehouse ÷ bare SparkSession"
                + " start and stop |")
        .contains("| a cold run of 20 sources of 10 rows each ÷ cold sample run |")
        .contains("| status on the sample's warehouse ÷ bare JVM start |")
        .contains("| sql \"SELECT 1\" ÷ bare JVM start |")
        .contains("| sql over a gold table ÷ bare JVM start |")
        .contains("| full build, 20000 investment rows (23400 rows, 4 kinds) |")
        .contains("| nightly +1% on 20000 ÷ full build of 20000 | median of 2 nights (")
        .contains("| full build of 20000 ÷ DuckDB on the same work |")
        .doesNotContain("not measured");
    // The fixed-cost runs did the work their rows name.
    assertThat(Files.readString(dir.resolve("work/night-60.out"), StandardCharsets.UTF_8))
        .contains("this run    60 rows read from 1 new file(s)\n");
    assertThat(Files.readString(dir.resolve("work/cold-20-sources.out"), StandardCharsets.UTF_8))
        .contains("this run    200 rows read from 20 new file(s)\n");
    assertThat(Files.readString(dir.resolve("work/sql-gold.out"), StandardCharsets.UTF_8))
        .startsWith("series            | count(1)\n")
        .contains("\nprogramme_records | ")
        .endsWith("(1 row)\n");
    String duck =
        printed
            .lines()
            .filter(l -> l.startsWith("| full build of 20000 ÷ DuckDB on the same work |"))
            .findFirst()
            .orElseThrow();
    assertThat(duck).contains("gold agrees").doesNotContain("DISAGREES");
  }
}
