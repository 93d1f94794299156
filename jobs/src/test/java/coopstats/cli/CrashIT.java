package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.Cli;
import coopstats.LoggedLines;
import coopstats.TestPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at several stages of a run, then run again: the tables end as uninterrupted runs leave
 * them. The first delivery is killed while it is ingested into a new warehouse; the second, an
 * incremental run, after silver is merged and after the first statistic is published (the sums it
 * is computed from are published by then). Stages are recognised from the progress lines a run
 * writes to stderr.
 */
class CrashIT {
  static final List<String> TABLES =
      List.of(
          "gold.investment_monthly",
          "gold.training_yearly",
          "gold.investment_share_yearly",
          "gold.tech_investment_ratio_yearly",
          "gold.program_roi_yearly",
          "silver.investment",
          "silver.training",
          "silver.quarantine");

  /** Files held back from the first delivery and delivered the next night. */
  static final List<String> SECOND =
      List.of(
          "investment/2023_partner_reports_gb18030.csv", "training/gist_bootcamps_2011_2019.csv");

  @TempDir Path dir;

  @Test
  void killedRunsRecoverToTheSameTables() throws Exception {
    // The uninterrupted runs, in this JVM.
    Path clean = dir.resolve("clean");
    Path cleanLanding = firstDelivery("clean-landing");
    assertThat(inProcess(cleanLanding, clean).exitCode()).isZero();
    secondDelivery(cleanLanding);
    assertThat(inProcess(cleanLanding, clean).exitCode()).isZero();

    // Only the runs that are killed need a process of their own: the runs after a kill, which
    // find its leftovers (a stale lock, a half-written checkpoint, tables ahead of the last
    // published run), run in this JVM.
    Path crashed = dir.resolve("crashed");
    Path landing = firstDelivery("landing");
    assertThat(killAt(landing, crashed, "stage bronze: source joint_lab")).isTrue();
    Cli recovered = inProcess(landing, crashed);
    assertThat(recovered.exitCode()).as(recovered.err()).isZero();
    secondDelivery(landing);
    for (String stage :
        List.of("silver.investment: merged", "gold.investment_share_yearly: published")) {
      assertThat(killAt(landing, crashed, stage)).as("killed at '" + stage + "'").isTrue();
    }
    LoggedLines.Logged<Cli> last = LoggedLines.during(() -> inProcess(landing, crashed));
    assertThat(last.result().exitCode()).as(last.result().err()).isZero();
    assertThat(last.lines()).contains("restoring version");

    Map<String, List<String>> expected = rows(clean);
    Map<String, List<String>> actual = rows(crashed);
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(TABLES);
    for (String table : TABLES) {
      assertThat(actual.get(table)).as(table).isEqualTo(expected.get(table));
    }
  }

  /** A copy of the sample landing folder without the files of the second delivery. */
  private Path firstDelivery(String name) throws IOException {
    Path sample = TestPaths.home().resolve("sample/landing");
    Path copy = dir.resolve(name);
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = sample.relativize(f).toString();
        if (!SECOND.contains(rel)) {
          Files.createDirectories(copy.resolve(rel).getParent());
          Files.copy(f, copy.resolve(rel));
        }
      }
    }
    return copy;
  }

  private static void secondDelivery(Path landing) throws IOException {
    Path sample = TestPaths.home().resolve("sample/landing");
    for (String rel : SECOND) {
      Files.copy(sample.resolve(rel), landing.resolve(rel));
    }
  }

  private static Cli inProcess(Path landing, Path warehouse) {
    return Cli.run("run", "--landing", landing.toString(), "--warehouse", warehouse.toString());
  }

  /** Starts a run and kills it (SIGKILL) when its stderr shows {@code marker}. */
  private boolean killAt(Path landing, Path warehouse, String marker) throws Exception {
    Process p =
        new ProcessBuilder(
                TestPaths.home().resolve("bin/coopstats").toString(),
                "run",
                "--landing",
                landing.toString(),
                "--warehouse",
                warehouse.toString())
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean killed = false;
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        if (line.contains(marker)) {
          p.destroyForcibly();
          killed = true;
          break;
        }
      }
    }
    p.waitFor(2, TimeUnit.MINUTES);
    return killed;
  }

  /**
   * Every table's rows as JSON, sorted, without the columns that name the run that wrote them: one
   * query per warehouse, read in this JVM.
   */
  private static Map<String, List<String>> rows(Path warehouse) throws Exception {
    String query =
        TABLES.stream()
            .map(t -> "SELECT '" + t + "' AS t, to_json(struct(" + columns(t) + ")) AS r FROM " + t)
            .collect(Collectors.joining(" UNION ALL ", "SELECT t, r FROM (", ") ORDER BY t, r"));
    Cli r = Cli.run("sql", "--warehouse", warehouse.toString(), "--format", "json", query);
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<String, List<String>> rows = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : r.out().lines().toList()) {
      JsonNode row = json.readTree(line);
      rows.computeIfAbsent(row.get("t").asText(), t -> new ArrayList<>())
          .add(row.get("r").asText());
    }
    return rows;
  }

  private static String columns(String table) {
    return switch (table) {
      case "silver.investment" -> "source, record_id, year, country_iso3, amount_usd, _file, _line";
      case "silver.training" ->
          "source, record_id, year, country_iso3, participants, cost_usd, _file, _line";
      case "silver.quarantine" -> "source, file, line, rule, reason";
      default -> "*";
    };
  }
}
