package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed data dictionary is what {@code coopstats docs} writes from schemas/ today. */
class TestDocs {
  @TempDir Path dir;

  @Test
  void theCommittedDataDictionaryIsUpToDate() throws Exception {
    Path out = dir.resolve("tables.md");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "docs", "--schemas", TestPaths.schemas().toString(), "--out", out.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    Path committed = TestPaths.home().resolve("docs").resolve("tables.md");
    assertThat(committed).exists();
    assertThat(Files.readString(committed))
        .as(
            "docs/tables.md is out of date with schemas/tables/: run `bin/coopstats docs`"
                + " and commit the file")
        .isEqualTo(Files.readString(out));
  }

  @Test
  void everyTableAndColumnIsInTheDictionary() throws Exception {
    String md = Files.readString(TestPaths.home().resolve("docs").resolve("tables.md"));
    assertThat(md)
        .contains("### gold.investment_share_yearly")
        .contains("- **Grain:** one row per series, year, group_type and group_key.")
        .contains("- **Partitioned by:** `year`")
        .contains(
            "| `share` | double | yes | amount_usd ÷ total_usd, a fraction from 0 to 1; null"
                + " when the total is 0. In a series of net flows, a year with a negative country"
                + " amount reads as parts of a net total: a negative share is net disinvestment,"
                + " and a share may exceed 1. |")
        .contains(
            "| `series` | string | no | The series the figures belong to (see silver); every"
                + " figure is computed within one series. |")
        .contains("### ops.runs")
        .contains("| `negative_amount` | `disbursed_amount >= 0` | quarantine |");
  }
}
