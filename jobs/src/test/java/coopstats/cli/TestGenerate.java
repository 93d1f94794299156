package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.generate.Generator;
import coopstats.generate.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated landing folder (2,000 investment rows, files of 500) through the real pipeline: the
 * damaged rows the generator reports are exactly the quarantine, rule by rule, and a night's delta
 * on top runs incrementally.
 */
class TestGenerate {
  private static final LocalDate NIGHT = LocalDate.parse("2026-11-21");
  @TempDir static Path dir;
  static Report history;
  static Report night;
  static Cli first;
  static Cli second;

  @BeforeAll
  static void generateAndRun() {
    Path landing = dir.resolve("landing");
    history = generate(landing, null);
    first =
        Cli.run(
            "run",
            "--landing",
            landing.toString(),
            "--warehouse",
            warehouse(),
            "--date",
            "2026-11-20");
    night = generate(landing, NIGHT);
    second =
        Cli.run(
            "run",
            "--landing",
            landing.toString(),
            "--warehouse",
            warehouse(),
            "--date",
            NIGHT.toString());
  }

  private static Report generate(Path landing, LocalDate date) {
    return Generator.write(
        new Generator.Settings(TestPaths.schemas(), landing, 2000, 7, 500, date));
  }

  private static String warehouse() {
    return dir.resolve("warehouse").toString();
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
    assertThat(files(dir.resolve("landing")))
        .contains("investment/part-00002-gb18030.csv", "fund/part-00000.jsonl");
  }

  @Test
  void everyDamagedRowIsQuarantinedUnderTheRuleTheGeneratorNamed() {
    assertThat(first.exitCode()).as(first.err()).isZero();
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
    assertThat(
            Cli.csv(
                dir.resolve("warehouse"),
                "SELECT source, rule, count(*) AS n FROM silver.quarantine"
                    + " WHERE rule <> 'superseded' AND file NOT LIKE '%dt=%'"
                    + " GROUP BY source, rule ORDER BY source, rule"))
        .containsExactlyElementsOf(lines);
    // About 1%: one row in a hundred, plus the broken last line of each of the seven files.
    assertThat(damaged).isEqualTo(24 + 7);
  }

  @Test
  void aNightsDeltaOnTopRunsAndReconciles() {
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(night.rows("investment")).isEqualTo(20 + 2);
    assertThat(
            Cli.csv(
                dir.resolve("warehouse"),
                "SELECT status, reconciliation FROM ops.runs ORDER BY started_at"))
        .containsExactly("status,reconciliation", "success,balanced", "success,balanced");
    assertThat(files(dir.resolve("landing")))
        .contains("investment/dt=2026-11-21/night-20261121-part-00000.csv");
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
