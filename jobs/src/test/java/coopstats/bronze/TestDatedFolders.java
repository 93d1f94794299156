package coopstats.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dt=YYYY-MM-DD folders wait for their logical date; backfill runs the dates in order. */
@Tag(Tags.OWN_RUNS)
class TestDatedFolders {
  @TempDir Path dir;

  @Test
  void eachDateReadsItsFoldersAndLateFilesStillArrive() throws IOException {
    deliver("dt=2026-11-19/a.csv", "A,2019");
    deliver("dt=2026-11-20/b.csv", "B,2020");
    deliver("dt=2026-11-21/c.csv", "C,2021");
    // Files outside dated folders are read on every date; odd names are not globs.
    deliver("undated {x,y}[1].csv", "X,2018");

    Cli backfill = cli("backfill", "--from", "2026-11-19", "--to", "2026-11-21");
    assertThat(backfill.exitCode()).as(backfill.err()).isZero();
    assertThat(backfill.out().lines())
        .hasSize(3)
        .satisfies(l -> assertThat(l.get(0)).startsWith("2026-11-19").endsWith("2 rows read"))
        .satisfies(l -> assertThat(l.get(1)).startsWith("2026-11-20").endsWith("1 rows read"))
        .satisfies(l -> assertThat(l.get(2)).startsWith("2026-11-21").endsWith("1 rows read"));
    assertThat(
            sql(
                "SELECT logical_date, files_read['investment'] AS files FROM ops.runs"
                    + " ORDER BY started_at"))
        .containsExactly("logical_date,files", "2026-11-19,2", "2026-11-20,1", "2026-11-21,1");
    assertThat(sql("SELECT record_id, _file FROM silver.investment ORDER BY 1"))
        .containsExactly(
            "record_id,_file",
            "A,investment/dt=2026-11-19/a.csv",
            "B,investment/dt=2026-11-20/b.csv",
            "C,investment/dt=2026-11-21/c.csv",
            "X,\"investment/undated {x,y}[1].csv\"");

    // A late file for an earlier date is read by the next run; a future folder waits.
    deliver("dt=2026-11-19/late.csv", "L,2019");
    deliver("dt=2026-11-23/d.csv", "D,2022");
    Cli next = cli("run", "--date", "2026-11-22");
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(sql("SELECT record_id FROM silver.investment WHERE record_id IN ('L', 'D')"))
        .containsExactly("record_id", "L");
    assertThat(cli("run", "--date", "2026-11-23").exitCode()).isZero();
    assertThat(sql("SELECT record_id FROM silver.investment WHERE record_id IN ('L', 'D')"))
        .containsExactlyInAnyOrder("record_id", "L", "D");
  }

  @Test
  void backfillRefusesDatesInTheWrongOrder() {
    Cli wrong = cli("backfill", "--from", "2026-11-21", "--to", "2026-11-19");
    assertThat(wrong.exitCode()).isEqualTo(64);
    assertThat(wrong.err()).contains("--to 2026-11-19 is before --from 2026-11-21; swap them.");
  }

  private void deliver(String file, String idAndYear) throws IOException {
    Path path = dir.resolve("landing/investment").resolve(file);
    Files.createDirectories(path.getParent());
    String[] f = idAndYear.split(",");
    Files.writeString(
        path,
        coopstats.run.TestIncremental.HEADER
            + f[0]
            + ","
            + f[1]
            + ",May,X,Kenya,energy,1,USD,million,\n");
  }

  private Cli cli(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--landing",
            dir.resolve("landing").toString(),
            "--warehouse",
            dir.resolve("warehouse").toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  private List<String> sql(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }
}
