package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.LoggedLines;
import coopstats.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment (landing and warehouse side by side) copied to another folder keeps what it
 * ingested: a file's identity is its path under the landing folder, not where that folder is.
 */
@Tag(Tags.OWN_RUNS)
class TestMovedDeployment {
  private static final String HEADER =
      "record_id,year,month,investor,country,sector,amount,currency,unit,is_tech\n";

  @TempDir Path dir;
  @TempDir Path moved;

  @Test
  void aCopiedDeploymentReadsOnlyTheFilesDeliveredAfterTheCopy() throws Exception {
    deliver(
        dir, "a.csv", "A,2019,,X,Kenya,energy,5,USD,million,\nB,2019,,X,Kenya,energy,6,USD,,\n");
    run(dir, "2026-11-20");
    copy(dir, moved);

    // The copy: the file already ingested is kept, by its path under the landing folder.
    String again = run(moved, "2026-11-21");
    assertThat(again)
        .contains(
            "bronze.investment: the landing folder moved from "
                + folder(dir.resolve("landing"))
                + " to "
                + folder(moved.resolve("landing"))
                + "; the 1 file(s) already ingested were kept as ingested, by their path under the"
                + " landing folder\n")
        .contains("bronze.investment: 0 new file(s), 0 row(s) ingested\n")
        .contains("nothing new");
    assertThat(sql("SELECT _file, count(*) AS n FROM bronze.investment GROUP BY 1 ORDER BY 1"))
        .containsExactly("_file,n", "investment/a.csv,2");
    assertThat(sql("SELECT count(*) AS n FROM silver.quarantine")).containsExactly("n", "0");
    assertThat(sql("SELECT status, mode FROM ops.runs ORDER BY started_at"))
        .containsExactly("status,mode", "success,rebuild", "noop,noop");

    // A file delivered to the moved landing folder is new, and only it. A file ingested before
    // the move and touched after it is known by its fingerprint, kept by its path under the
    // landing folder: it is not read again.
    deliver(moved, "b.csv", "C,2020,,X,Kenya,energy,7,USD,million,\n");
    Path a = moved.resolve("landing/investment/a.csv");
    Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2026-11-30T00:00:00Z")));
    String next = run(moved, "2026-11-22");
    assertThat(next)
        .doesNotContain("landing folder moved")
        .contains("landing file investment/a.csv has a new modification time")
        .contains("bronze.investment: 1 new file(s), 1 row(s) ingested\n");
    assertThat(sql("SELECT _file, count(*) AS n FROM bronze.investment GROUP BY 1 ORDER BY 1"))
        .containsExactly("_file,n", "investment/a.csv,2", "investment/b.csv,1");
    assertThat(sql("SELECT record_id FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id", "A", "B", "C");
    assertThat(sql("SELECT count(*) AS n FROM silver.quarantine")).containsExactly("n", "0");

    // A file changed under its name is a new delivery, and the run says so.
    Path b = moved.resolve("landing/investment/b.csv");
    Instant read = Instant.ofEpochMilli(Files.getLastModifiedTime(b).toMillis());
    Files.writeString(b, HEADER + "C,2020,,X,Kenya,energy,8,USD,million,\n");
    Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
    String changed = run(moved, "2026-11-23");
    assertThat(changed)
        .contains(
            "landing file investment/b.csv was delivered again under the same name with new"
                + " content (modified "
                + read
                + " when bronze read it, now 2026-12-01T00:00:00Z): it is read as a new delivery,"
                + " and its rows replace the earlier rows with the same record key (all of the"
                + " source's rows, for a snapshot source)\n")
        .contains("bronze.investment: 1 new file(s), 1 row(s) ingested\n");
    assertThat(sql("SELECT record_id, amount FROM bronze.investment ORDER BY 1, 2"))
        .containsExactly("record_id,amount", "A,5", "B,6", "C,7", "C,8");
    assertThat(
            sql(
                "SELECT record_id, CAST(amount AS INT) AS amount FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id,amount", "A,5", "B,6", "C,8");
    assertThat(sql("SELECT file, line, rule FROM silver.quarantine"))
        .containsExactly("file,line,rule", "investment/b.csv,2,superseded");
  }

  @Test
  void aMovedWarehouseAloneReadsNothingAgain() throws Exception {
    deliver(dir, "a.csv", "A,2019,,X,Kenya,energy,5,USD,million,\n");
    run(dir, "2026-11-20");
    copy(dir.resolve("warehouse"), moved.resolve("warehouse"));

    LoggedLines.Logged<Cli> again =
        LoggedLines.during(
            () ->
                Cli.run(
                    "run",
                    "--landing",
                    dir.resolve("landing").toString(),
                    "--warehouse",
                    moved.resolve("warehouse").toString(),
                    "--date",
                    "2026-11-21"));
    assertThat(again.result().exitCode()).as(again.result().err()).isZero();
    assertThat(again.lines())
        .doesNotContain("landing folder moved")
        .contains("bronze.investment: 0 new file(s), 0 row(s) ingested\n")
        .contains("nothing new");
    assertThat(sql("SELECT _file, count(*) AS n FROM bronze.investment GROUP BY 1"))
        .containsExactly("_file,n", "investment/a.csv,1");
  }

  @Test
  void aCheckpointFromBeforeTheLandingFolderWasRecordedFindsItInItsLog(@TempDir Path legacy)
      throws Exception {
    deliver(dir, "a.csv", "A,2019,,X,Kenya,energy,5,USD,million,\n");
    run(dir, "2026-11-20");
    copy(dir, legacy);
    Files.delete(legacy.resolve("warehouse/_checkpoints/bronze_investment.landing"));

    assertThat(run(legacy, "2026-11-21"))
        .contains(
            "bronze.investment: the landing folder moved from "
                + folder(dir.resolve("landing"))
                + " to "
                + folder(legacy.resolve("landing"))
                + "; the 1 file(s) already ingested were kept as ingested")
        .contains("bronze.investment: 0 new file(s), 0 row(s) ingested\n");
    assertThat(
            Cli.csv(
                legacy.resolve("warehouse"),
                "SELECT _file, count(*) AS n FROM bronze.investment GROUP BY 1"))
        .containsExactly("_file,n", "investment/a.csv,1");
    assertThat(Files.readString(legacy.resolve("warehouse/_checkpoints/bronze_investment.landing")))
        .isEqualTo(folder(legacy.resolve("landing")));
  }

  /** A folder as the log names it: its file URI without the closing slash. */
  private static String folder(Path p) {
    return p.toUri().toString().replaceAll("/$", "");
  }

  private List<String> sql(String query) {
    return Cli.csv(moved.resolve("warehouse"), query);
  }

  private static void deliver(Path root, String file, String rows) throws IOException {
    Path path = root.resolve("landing/investment").resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, HEADER + rows);
  }

  /** Runs coopstats on {@code root}'s landing and warehouse; what it logged. */
  private static String run(Path root, String date) throws Exception {
    LoggedLines.Logged<Cli> run =
        LoggedLines.during(() -> Cli.run(Cli.runArgs(root, "--date", date)));
    assertThat(run.result().exitCode()).as(run.result().err()).isZero();
    return run.lines();
  }

  /** {@code cp -a}: every file and folder, with its modification time. */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
          Files.setLastModifiedTime(target, Files.getLastModifiedTime(f));
        }
      }
    }
  }
}
