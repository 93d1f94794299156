package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two series that measure the same flows: every figure stays within its own series. */
class TestSeriesApart {
  @TempDir static Path dir;
  static GoldFixture f;

  @BeforeAll
  static void silver() {
    f = new GoldFixture(dir);
    // The same year and countries in two series: a deal tracker and an official statistic.
    f.silver(
        "investment",
        """
        series  | record_id | year | month | country_iso3 | amount_usd | is_tech
        tracker | a         | 2021 | null  | PAK          | 300.0      | true
        tracker | b         | 2021 | null  | USA          | 100.0      | false
        bulletin| a         | 2021 | null  | PAK          | 50.0       | false
        """);
    f.silver(
        "training",
        """
        series  | record_id | program        | year | country_iso3 | participants | cost_usd
        tracker | t1        | gist_bootcamps | 2021 | EGY          | 10           | 100.0
        """);
    f.silver(
        "fund",
        """
        series   | record_id | fund_id        | year | country_iso3 | disbursed_usd | return_usd
        bulletin | u1        | gist_bootcamps | 2021 | EGY          | 400.0         | 800.0
        """);
  }

  @Test
  void eachSeriesHasItsOwnTotalAndShares() {
    assertThat(f.gold("investment_share_yearly", "group_key IN ('all', 'PAK')", "series,group_key"))
        .containsExactly(
            share("bulletin", "PAK", "country", "50.00", "50.00", 1.0),
            share("bulletin", "all", "all", "50.00", "50.00", 1.0),
            share("tracker", "PAK", "country", "300.00", "400.00", 0.75),
            share("tracker", "all", "all", "400.00", "400.00", 1.0));
  }

  @Test
  void techRatiosAreWithinASeries() {
    List<Row> rows =
        f.gold(
            "tech_investment_ratio_yearly", "flow = 'investment' AND group_type = 'all'", "series");
    assertThat(rows)
        .extracting(r -> r.getAs("series") + " " + r.getAs("tech_ratio"))
        .containsExactly("bulletin 0.0", "tracker 0.75");
  }

  @Test
  void aProgrammesCostAndReturnAreNotMixedAcrossSeries() {
    List<Row> rows = f.gold("program_roi_yearly", "program = 'gist_bootcamps'", "series");
    assertThat(rows)
        .extracting(r -> r.getAs("series") + " " + r.getAs("cost_usd") + " " + r.getAs("roi"))
        .containsExactly("bulletin 400.00 1.0", "tracker 100.00 null");
  }

  private static Row share(
      String series, String key, String type, String amount, String total, Double share) {
    return RowFactory.create(
        series, 2021, type, key, new BigDecimal(amount), new BigDecimal(total), share, null);
  }
}
