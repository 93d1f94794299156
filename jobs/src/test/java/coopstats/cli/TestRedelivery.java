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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file delivered again under the same name is a new delivery when its content changed, and only
 * then: a new modification time alone reads nothing again.
 */
@Tag(Tags.OWN_RUNS)
class TestRedelivery {
  private static final String HEADER =
      "record_id,year,month,investor,country,sector,amount,currency,unit,is_tech\n";

  @TempDir Path dir;

  @Test
  void newContentUnderTheSameNameIsReadOnceAndATouchedFileIsNot() throws Exception {
    Path a =
        deliver(
            "a.csv",
            "A,2019,,X,Kenya,energy,5,USD,million,\nB,2019,,X,Kenya,energy,6,USD,million,\n");
    Path b = deliver("b.csv", "C,2019,,X,Kenya,energy,7,USD,million,\n");
    run("2026-11-20");
    long aRead = Files.getLastModifiedTime(a).toMillis();
    long bRead = Files.getLastModifiedTime(b).toMillis();

    // a.csv: B's amount corrected, under the same name; b.csv: touched, its content as it was.
    Files.writeString(
        a,
        HEADER + "A,2019,,X,Kenya,energy,5,USD,million,\nB,2019,,X,Kenya,energy,9,USD,million,\n");
    Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
    Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2026-12-02T00:00:00Z")));
    String changed = run("2026-11-21");
    assertThat(changed)
        .contains(
            "landing file investment/a.csv was delivered again under the same name with new"
                + " content (modified "
                + Instant.ofEpochMilli(aRead)
                + " when bronze read it, now 2026-12-01T00:00:00Z): it is read as a new delivery")
        .contains(
            "landing file investment/b.csv has a new modification time (2026-12-02T00:00:00Z, "
                + Instant.ofEpochMilli(bRead)
                + " when bronze read it) but the content bronze read: not read again\n")
        .contains("bronze.investment: 1 new file(s), 2 row(s) ingested\n")
        .contains(
            "  redelivered investment/a.csv: new content under a name read before, read as a new"
                + " delivery\n");
    assertThat(sql("SELECT _file, count(*) AS n FROM bronze.investment GROUP BY 1 ORDER BY 1"))
        .containsExactly("_file,n", "investment/a.csv,4", "investment/b.csv,1");
    assertThat(
            sql(
                "SELECT record_id, CAST(amount AS INT) AS amount FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id,amount", "A,5", "B,9", "C,7");
    // The first delivery's rows of the keys delivered again.
    assertThat(sql("SELECT file, line, rule FROM silver.quarantine ORDER BY line"))
        .containsExactly(
            "file,line,rule", "investment/a.csv,2,superseded", "investment/a.csv,3,superseded");
    assertThat(
            sql(
                "SELECT year, CAST(amount_usd AS BIGINT) AS amount_usd FROM gold.investment_share_yearly"
                    + " WHERE group_type = 'all'"))
        .containsExactly("year,amount_usd", "2019,21000000");

    // The redelivery is read once; a file ingested without a recorded fingerprint (as before
    // fingerprints were kept) is a new delivery when its modification time changes.
    Path prints = dir.resolve("warehouse/_checkpoints/bronze_investment.fingerprints");
    assertThat(Files.readString(prints)).contains("\"investment/a.csv\"", "\"investment/b.csv\"");
    Files.delete(prints);
    Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2026-12-03T00:00:00Z")));
    String legacy = run("2026-11-22");
    assertThat(legacy)
        .doesNotContain("investment/a.csv was delivered again")
        .contains(
            "landing file investment/b.csv changed after bronze ingested it (modified "
                + Instant.ofEpochMilli(bRead)
                + " when bronze read it, now 2026-12-03T00:00:00Z) and bronze has no fingerprint")
        .contains("bronze.investment: 1 new file(s), 1 row(s) ingested\n");
    assertThat(sql("SELECT _file, count(*) AS n FROM bronze.investment GROUP BY 1 ORDER BY 1"))
        .containsExactly("_file,n", "investment/a.csv,4", "investment/b.csv,2");
    assertThat(
            sql(
                "SELECT record_id, CAST(amount AS INT) AS amount FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id,amount", "A,5", "B,9", "C,7");
    assertThat(sql("SELECT file, line, rule FROM silver.quarantine ORDER BY file, line"))
        .containsExactly(
            "file,line,rule",
            "investment/a.csv,2,superseded",
            "investment/a.csv,3,superseded",
            "investment/b.csv,2,superseded");
    assertThat(Files.readString(prints)).contains("\"investment/b.csv\"");
  }

  private List<String> sql(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }

  private Path deliver(String file, String rows) throws IOException {
    Path path = dir.resolve("landing/investment").resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, HEADER + rows);
    return path;
  }

  /** Runs coopstats on the test's landing and warehouse; what it logged and printed. */
  private String run(String date) throws Exception {
    LoggedLines.Logged<Cli> run =
        LoggedLines.during(() -> Cli.run(Cli.runArgs(dir, "--date", date)));
    assertThat(run.result().exitCode()).as(run.result().err()).isZero();
    return run.lines() + run.result().out();
  }
}
