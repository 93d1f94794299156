package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at several stages of a run, then run again: the tables end as an uninterrupted run leaves
 * them. Stages are recognised from the progress lines a run writes to stderr.
 */
class CrashIT {
  static final List<String> TABLES =
      List.of(
          "gold.investment_share_yearly",
          "gold.tech_investment_ratio_yearly",
          "gold.program_roi_yearly",
          "silver.investment",
          "silver.quarantine");

  @TempDir Path dir;

  @Test
  void killedRunsRecoverToTheSameTables() throws Exception {
    Path clean = dir.resolve("clean");
    assertThat(CliIT.coopstats("run", "--warehouse", clean.toString()).code()).isZero();

    Path crashed = dir.resolve("crashed");
    for (String stage :
        List.of("stage bronze: source joint_lab", "stage silver", "stage gold", "gold.")) {
      assertThat(killAt(crashed, stage)).as("killed at '" + stage + "'").isTrue();
    }
    CliIT.Result last = CliIT.coopstats("run", "--warehouse", crashed.toString());
    assertThat(last.code()).as(last.err()).isZero();

    for (String table : TABLES) {
      assertThat(rows(crashed, table)).as(table).isEqualTo(rows(clean, table));
    }
  }

  /** Starts a run and kills it (SIGKILL) when its stderr shows {@code marker}. */
  private boolean killAt(Path warehouse, String marker) throws Exception {
    Process p =
        new ProcessBuilder(
                TestPaths.home().resolve("bin/coopstats").toString(),
                "run",
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

  /** A table's rows as CSV, sorted, without the columns that name the run that wrote them. */
  private static String rows(Path warehouse, String table) throws Exception {
    String columns =
        table.startsWith("silver.investment")
            ? "source, record_id, year, country_iso3, amount_usd, _file, _line"
            : table.equals("silver.quarantine") ? "source, file, line, rule, reason" : "*";
    CliIT.Result r =
        CliIT.coopstats(
            "sql",
            "--warehouse",
            warehouse.toString(),
            "--format",
            "csv",
            "SELECT " + columns + " FROM " + table + " ORDER BY ALL");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }
}
