package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import coopstats.TestPaths;
import coopstats.generate.Generator;
import coopstats.generate.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated landing folder (2,000 investment rows, files of 500) through the real pipeline, a
 * night's delta on top, {@code coopstats maintain}, and one more night. The damaged rows the
 * generator reports are exactly the quarantine, rule by rule; maintain compacts without changing a
 * row, and the next run is still incremental.
 */
@Tag(Tags.OWN_RUNS)
class TestGenerateAndMaintain {
  private static final String COUNTS =
      "SELECT 'bronze.investment' AS t, count(*) AS n FROM bronze.investment"
          + " UNION ALL SELECT 'silver.investment', count(*) FROM silver.investment"
          + " UNION ALL SELECT 'silver.fund', count(*) FROM silver.fund"
          + " UNION ALL SELECT 'silver.quarantine', count(*) FROM silver.quarantine";
  private static final String GOLD =
      "SELECT * FROM gold.investment_share_yearly ORDER BY year, group_type, group_key";

  @TempDir static Path dir;
  static Report history;
  static Report night;
  static List<String> quarantineBefore;
  static List<String> countsBefore;
  static List<String> goldBefore;
  static long filesBefore;
  static List<String> countsAfter;
  static List<String> goldAfter;
  static long filesAfter;
  static Cli maintain;

  @BeforeAll
  static void generateRunMaintainRun() {
    history = run(null);
    quarantineBefore = Cli.csv(warehouse(), quarantineByRule());
    night = run(LocalDate.parse("2026-11-21"));
    countsBefore = Cli.csv(warehouse(), COUNTS);
    goldBefore = Cli.csv(warehouse(), GOLD);
    filesBefore = files("bronze.investment");
    maintain = Cli.run("maintain", "--warehouse", warehouse().toString());
    countsAfter = Cli.csv(warehouse(), COUNTS);
    goldAfter = Cli.csv(warehouse(), GOLD);
    filesAfter = files("bronze.investment");
    run(LocalDate.parse("2026-11-22"));
  }

  /** Generates the history (date null) or a night's delta, and runs the pipeline on it. */
  private static Report run(LocalDate date) {
    Path landing = dir.resolve("landing");
    Report r = generate(landing, date);
    String day = date == null ? "2026-11-20" : date.toString();
    Cli run =
        Cli.run(
            "run",
            "--landing",
            landing.toString(),
            "--warehouse",
            warehouse().toString(),
            "--date",
            day);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return r;
  }

  private static Report generate(Path landing, LocalDate date) {
    return Generator.write(
        new Generator.Settings(TestPaths.schemas(), landing, 2000, 7, 500, date));
  }

  private static Path warehouse() {
    return dir.resolve("warehouse");
  }

  private static String quarantineByRule() {
    return "SELECT source, rule, count(*) AS n FROM silver.quarantine"
        + " GROUP BY source, rule ORDER BY source, rule";
  }

  private static long files(String table) {
    List<String> detail = Cli.csv(warehouse(), "DESCRIBE DETAIL " + table);
    int column = Arrays.asList(detail.get(0).split(",")).indexOf("numFiles");
    return Long.parseLong(detail.get(1).split(",")[column]);
  }

  @Test
  void theSameSeedWritesTheSameBytesThroughTheCommandLine() throws IOException {
    Path a = dir.resolve("a");
    Cli cli =
        Cli.run(
            "generate",
            "--rows",
            "2000",
            "--seed",
            "7",
            "--file-rows",
            "500",
            "--out",
            a.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("investment\t4\t2000");
    Path b = dir.resolve("b");
    generate(b, null);
    assertThat(files(a)).isEqualTo(files(b)).hasSize(7);
    for (String f : files(a)) {
      assertThat(Files.readAllBytes(a.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(b.resolve(f)));
    }
    Path other = dir.resolve("other-seed");
    Cli.run(
        "generate",
        "--rows",
        "2000",
        "--seed",
        "8",
        "--file-rows",
        "500",
        "--out",
        other.toString());
    assertThat(Files.readAllBytes(other.resolve("investment/part-00000.csv")))
        .isNotEqualTo(Files.readAllBytes(a.resolve("investment/part-00000.csv")));
  }

  @Test
  void writesAllFourKindsInProportionWithLegacyEncodingsAndJsonLines() {
    assertThat(history.rows("investment")).isEqualTo(2000);
    assertThat(history.rows("joint_lab")).isEqualTo(100);
    assertThat(history.rows("training")).isEqualTo(40);
    assertThat(history.rows("fund")).isEqualTo(200);
    assertThat(night.rows("investment")).isEqualTo(20 + 2);
    assertThat(files(dir.resolve("landing")))
        .contains(
            "investment/part-00002-gb18030.csv",
            "fund/part-00000.jsonl",
            "investment/dt=2026-11-21/night-20261121-part-00000.csv");
  }

  @Test
  void everyDamagedRowIsQuarantinedUnderTheRuleTheGeneratorNamed() {
    Map<String, Long> expected = new TreeMap<>();
    long damaged = 0;
    for (String source : List.of("fund", "investment", "joint_lab", "training")) {
      for (var e : history.damaged(source).entrySet()) {
        expected.put(source + "," + e.getKey(), e.getValue());
        damaged += e.getValue();
      }
    }
    List<String> lines = new ArrayList<>(List.of("source,rule,n"));
    expected.forEach((k, v) -> lines.add(k + "," + v));
    assertThat(quarantineBefore).containsExactlyElementsOf(lines);
    // About 1%: row 37 of every hundred, plus the broken last line of each of the seven files.
    assertThat(damaged).isEqualTo(24 + 7);
  }

  @Test
  void maintainCompactsSmallFilesAndKeepsEveryRow() {
    assertThat(maintain.exitCode()).as(maintain.err()).isZero();
    assertThat(maintain.out())
        .contains("bronze.investment", "silver.investment", "gold.program_roi_yearly");
    assertThat(filesBefore).isGreaterThan(1);
    assertThat(filesAfter).isEqualTo(1);
    assertThat(countsAfter).isEqualTo(countsBefore);
    assertThat(goldAfter).isEqualTo(goldBefore);
  }

  @Test
  void everyNightlyRunAfterTheFirstIsIncrementalAndMaintainRestoresNothing() {
    assertThat(
            Cli.csv(
                warehouse(),
                "SELECT status, mode, size(restored) AS restored, reconciliation FROM ops.runs"
                    + " ORDER BY started_at"))
        .containsExactly(
            "status,mode,restored,reconciliation",
            "success,rebuild,0,balanced",
            "success,incremental,0,balanced",
            "noop,maintain,0,balanced",
            "success,incremental,0,balanced");
  }

  @Test
  void maintainRefusesARetentionBelowDeltasDefaultUnlessToldItIsSafe() {
    Cli tooShort =
        Cli.run("maintain", "--warehouse", warehouse().toString(), "--retain-hours", "1");
    assertThat(tooShort.exitCode()).isEqualTo(64);
    assertThat(tooShort.err())
        .contains("--retain-hours 1 is below 168 hours", "--unsafe-retention");
  }

  private static List<String> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
