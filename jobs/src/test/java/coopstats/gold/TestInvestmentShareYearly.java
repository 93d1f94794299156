package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestInvestmentShareYearly {
  @TempDir static Path dir;
  static GoldFixture f;

  @BeforeAll
  static void silver() {
    f = new GoldFixture(dir);
    // Italy is a partner from 2019-03-01 until 2023-12-06. A record with a month is dated the
    // 15th (a: before the MoU; b: a partner; g: Italy has left); one with a year only is dated
    // 1 July (h: still a partner).
    f.silver(
        "investment",
        """
        record_id | year | month | country_iso3 | amount_usd
        a         | 2019 | 2     | ITA          | 100.0
        b         | 2019 | 3     | ITA          | 200.0
        c         | 2019 | null  | USA          | 700.0
        d         | 2021 | null  | ITA          | 50.0
        e         | 2021 | null  | USA          | 150.0
        f         | 2022 | 5     | PAK          | 10.0
        g         | 2023 | 12    | ITA          | 40.0
        h         | 2023 | null  | ITA          | 60.0
        """);
  }

  @Test
  void partnerShareIsDateAwareAndGrowthComparesThePreviousCalendarYearOnly() {
    assertThat(f.gold("investment_share_yearly", "group_key = 'belt_and_road'", "year"))
        .containsExactly(
            row(2019, "country_group", "belt_and_road", "200.00", "1000.00", 0.2, null),
            // 2020 has no data, so 2021 has no growth figure.
            row(2021, "country_group", "belt_and_road", "50.00", "200.00", 0.25, null),
            row(2022, "country_group", "belt_and_road", "10.00", "10.00", 1.0, -0.8),
            row(2023, "country_group", "belt_and_road", "60.00", "100.00", 0.6, 5.0));
  }

  @Test
  void allCountryAndRegionGroups() {
    assertThat(f.gold("investment_share_yearly", "group_type = 'all'", "year"))
        .containsExactly(
            row(2019, "all", "all", "1000.00", "1000.00", 1.0, null),
            row(2021, "all", "all", "200.00", "200.00", 1.0, null),
            row(2022, "all", "all", "10.00", "10.00", 1.0, -0.95),
            row(2023, "all", "all", "100.00", "100.00", 1.0, 9.0));
    assertThat(f.gold("investment_share_yearly", "group_key = 'ITA'", "year"))
        .containsExactly(
            row(2019, "country", "ITA", "300.00", "1000.00", 0.3, null),
            row(2021, "country", "ITA", "50.00", "200.00", 0.25, null),
            row(2023, "country", "ITA", "100.00", "100.00", 1.0, null));
    assertThat(f.gold("investment_share_yearly", "group_type = 'region' AND year = 2022", "year"))
        .containsExactly(row(2022, "region", "South Asia", "10.00", "10.00", 1.0, null));
  }

  static Row row(
      int year, String type, String key, String amount, String total, Double share, Double yoy) {
    return RowFactory.create(
        GoldFixture.SERIES,
        year,
        type,
        key,
        new BigDecimal(amount),
        new BigDecimal(total),
        share,
        yoy);
  }
}
