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

class TestTechRatioAndRoi {
  @TempDir static Path dir;
  static GoldFixture f;

  @BeforeAll
  static void silver() {
    f = new GoldFixture(dir);
    // c's sector is unknown: in the total, never counted as tech.
    f.silver(
        "investment",
        """
        record_id | year | country_iso3 | amount_usd | is_tech
        a         | 2020 | USA          | 30.0       | true
        b         | 2020 | USA          | 50.0       | false
        c         | 2020 | PAK          | 20.0       | null
        """);
    f.silver(
        "fund",
        """
        record_id | fund_id   | year | country_iso3 | disbursed_usd | return_usd | jobs | is_tech
        f1        | bmbf_intl | 2020 | PAK          | 400.0         | 500.0      | 8    | true
        f2        | bmbf_intl | 2021 | PAK          | 100.0         | 0.0        | null | false
        """);
    // t1 is a free programme: ROI has no meaning, so it is null, not infinity.
    f.silver(
        "training",
        """
        record_id | program        | year | country_iso3 | participants | cost_usd  | revenue_usd | startups | jobs
        t1        | gist_bootcamps | 2019 | EGY          | 40           | 0.0       | 1000.0      | 3        | null
        t2        | gist_bootcamps | 2020 | EGY          | 10           | 2000000.0 | 3000000.0   | null     | 20
        """);
  }

  @Test
  void techRatioPerFlowWithUnknownSectorsApart() {
    assertThat(f.gold("tech_investment_ratio_yearly", "group_type = 'all'", "year,flow"))
        .containsExactly(
            row(2020, "fund", "all", "all", "400.00", "400.00", 1.0, "0.00"),
            row(2020, "investment", "all", "all", "30.00", "100.00", 0.3, "20.00"),
            row(2021, "fund", "all", "all", "0.00", "100.00", 0.0, "0.00"));
    assertThat(
            f.gold(
                "tech_investment_ratio_yearly",
                "group_key = 'belt_and_road' AND flow = 'investment'",
                "year"))
        .containsExactly(
            row(
                2020,
                "investment",
                "country_group",
                "belt_and_road",
                "0.00",
                "20.00",
                0.0,
                "20.00"));
  }

  @Test
  void roiIsNullWhenCostIsZeroAndCumulativeTotalsRunToDate() {
    List<Row> rows =
        f.gold("program_roi_yearly", "program = 'gist_bootcamps'", "year").stream()
            .map(
                r ->
                    RowFactory.create(
                        r.getAs("program"),
                        r.getAs("year"),
                        r.getAs("cost_usd"),
                        r.getAs("return_usd"),
                        r.getAs("roi"),
                        r.getAs("participants"),
                        r.getAs("participants_per_usd_m"),
                        r.getAs("cum_cost_usd"),
                        r.getAs("cum_roi"),
                        r.getAs("cum_participants")))
            .toList();
    assertThat(rows)
        .containsExactly(
            RowFactory.create(
                "gist_bootcamps",
                2019,
                dec("0.00"),
                dec("1000.00"),
                null,
                40L,
                null,
                dec("0.00"),
                null,
                40L),
            RowFactory.create(
                "gist_bootcamps",
                2020,
                dec("2000000.00"),
                dec("3000000.00"),
                0.5,
                10L,
                5.0,
                dec("2000000.00"),
                0.5005,
                50L));
  }

  @Test
  void fundsAreProgrammesByFundId() {
    List<Row> rows = f.gold("program_roi_yearly", "program = 'bmbf_intl'", "year");
    assertThat(rows)
        .extracting(r -> r.getAs("program_name"))
        .containsOnly("Germany, BMBF international cooperation");
    assertThat(rows).extracting(r -> r.getAs("roi")).containsExactly(0.25, -1.0);
    assertThat(rows).extracting(r -> r.getAs("jobs")).containsExactly(8L, null);
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  static Row row(
      int year,
      String flow,
      String type,
      String key,
      String tech,
      String total,
      Double ratio,
      String unclassified) {
    return RowFactory.create(
        GoldFixture.SERIES, year, flow, type, key, dec(tech), dec(total), ratio, dec(unclassified));
  }
}
