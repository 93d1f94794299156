package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot source (cgit): a new release replaces everything the earlier one delivered. */
@Tag(Tags.OWN_RUNS)
class TestSnapshotSource {
  static final String HEADER =
      "Year,Month,Investor, Quantity in Millions ,Share Size,Transaction Party,Sector,Subsector,"
          + "Country,Region,BRI,Greenfield\n";

  @TempDir Path dir;

  @Test
  void aNewReleaseReplacesThePreviousOne() throws IOException {
    Path cgit = Files.createDirectories(dir.resolve("landing/cgit"));
    Files.writeString(
        cgit.resolve("cgit_2021fall.csv"),
        HEADER
            + "2019,March,Sinohydro,$100 ,,,Energy,,Pakistan,West Asia,1,\n"
            + "2020,May,Huawei,\"$1,000 \",,,Technology,,Britain,Europe,,\n",
        Charset.forName("windows-1252"));
    assertThat(run().exitCode()).isZero();
    assertThat(totals())
        .containsExactly("year,amount_usd", "2019,100000000.00", "2020,1000000000.00");

    // The next release revises 2020 and adds 2021; it is delivered as a new file.
    Files.writeString(
        cgit.resolve("cgit_2022spring.csv"),
        HEADER
            + "2020,May,Huawei,$900 ,,,Technology,,Britain,Europe,,\n"
            + "2021,June,COSCO,$50 ,,,Transport,,Greece,Europe,1,\n",
        Charset.forName("windows-1252"));
    Cli second = run();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("2 delivered: 2 in silver, 0 in silver.quarantine");
    assertThat(totals())
        .containsExactly("year,amount_usd", "2020,900000000.00", "2021,50000000.00");
    assertThat(Cli.csv(dir.resolve("warehouse"), "SELECT DISTINCT _file FROM silver.investment"))
        .containsExactly("_file", "cgit/cgit_2022spring.csv");
  }

  private Cli run() {
    return Cli.run(
        "run",
        "--landing",
        dir.resolve("landing").toString(),
        "--warehouse",
        dir.resolve("warehouse").toString());
  }

  private java.util.List<String> totals() {
    return Cli.csv(
        dir.resolve("warehouse"),
        "SELECT year, amount_usd FROM gold.investment_share_yearly"
            + " WHERE group_type = 'all' ORDER BY year");
  }
}
