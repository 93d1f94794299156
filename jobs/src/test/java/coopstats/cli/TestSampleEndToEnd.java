package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.SampleWarehouse;
import coopstats.TestPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample through the real command line; its totals are the published figures. */
class TestSampleEndToEnd {
  @TempDir static Path dir;
  static Path warehouse;
  static Cli run;
  static Cli again;

  /** The shared sample warehouse's first run, and a second run on a copy of it. */
  @BeforeAll
  static void runSampleTwice() {
    run = new Cli(0, SampleWarehouse.out(), SampleWarehouse.err());
    warehouse = SampleWarehouse.copy(dir);
    again =
        Cli.run(
            "run", "--landing", TestPaths.sample().toString(), "--warehouse", warehouse.toString());
  }

  @Test
  void aSecondRunWithNothingNewIsANoOp() {
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("nothing new");
    // The no-op run saw exactly the table versions the first run left: nothing was written.
    assertThat(
            sql(
                "SELECT status, size(map_filter(delta_versions, (k, v) -> k NOT LIKE 'ops.%'))"
                    + " AS tables FROM ops.runs ORDER BY started_at"))
        .containsExactly("status,tables", "success,22", "noop,22");
    assertThat(
            sql(
                "SELECT count(*) AS changed FROM ops.runs a JOIN ops.runs b"
                    + " ON a.status = 'success' AND b.status = 'noop'"
                    + " WHERE to_json(array_sort(map_entries(a.delta_versions)))"
                    + " <> to_json(array_sort(map_entries(b.delta_versions)))"))
        .containsExactly("changed", "0");
  }

  @Test
  void everyDeliveredRowIsInSilverOrQuarantine() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m =
        Pattern.compile("(\\d+) delivered: (\\d+) in silver, (\\d+) in silver.quarantine")
            .matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    assertThat(Long.parseLong(m.group(1)))
        .isEqualTo(Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)));
    assertThat(Long.parseLong(m.group(3))).isEqualTo(6);
  }

  @Test
  void theDeliberatelyBadRowsAreQuarantinedWithTheirRule() {
    assertThat(sql("SELECT rule FROM silver.quarantine WHERE raw LIKE '%BAD-%' ORDER BY rule"))
        .containsExactly(
            "rule",
            "invalid_number",
            "missing_fx_rate",
            "negative_amount",
            "range",
            "unknown_country",
            "unknown_currency");
  }

  @Test
  void jointLabsAre53In40Countries() {
    assertThat(
            sql(
                "SELECT count(DISTINCT lab_id) AS labs, count(DISTINCT country_iso3) AS countries"
                    + " FROM silver.joint_lab"))
        .containsExactly("labs,countries", "53,40");
  }

  @Test
  void trainingTotalsAreThePublishedFigures() {
    assertThat(
            sql(
                "SELECT program, count(*) AS n, sum(participants) AS people,"
                    + " count(DISTINCT country_iso3) AS countries FROM silver.training"
                    + " GROUP BY program ORDER BY program"))
        .contains("gist_bootcamps,27,975,26")
        .anySatisfy(l -> assertThat(l).matches("bri_scientist_training,\\d+,15000,\\d+"))
        .anySatisfy(l -> assertThat(l).matches("bri_young_scientists,\\d+,5000,\\d+"));
    assertThat(
            sql(
                "SELECT sum(jobs) AS jobs, sum(revenue_usd) AS revenue FROM silver.training"
                    + " WHERE program = 'gist_bootcamps'"))
        .containsExactly("jobs,revenue", "6000,250000000.00");
  }

  @Test
  void fundTotalsInTheirOwnCurrency() {
    assertThat(
            sql(
                "SELECT fund_id, currency, sum(disbursed_amount * CASE unit WHEN '亿' THEN 100000000"
                    + " WHEN '万' THEN 10000 WHEN 'million' THEN 1000000 WHEN 'thousand' THEN 1000"
                    + " WHEN 'billion' THEN 1000000000 ELSE 1 END) AS total FROM silver.fund"
                    + " WHERE fund_id IN ('bri_joint_research', 'bmbf_intl', 'sg_asean_cyber')"
                    + " GROUP BY fund_id, currency ORDER BY fund_id"))
        .hasSize(4)
        .anySatisfy(l -> assertThat(l).matches("bmbf_intl,EUR,3400000000(\\.0+)?"))
        .anySatisfy(l -> assertThat(l).matches("bri_joint_research,CNY,2990000000(\\.0+)?"))
        .anySatisfy(l -> assertThat(l).matches("sg_asean_cyber,USD,7250000(\\.0+)?"));
  }

  @Test
  void goldCumulativeOutcomesMatchTheFigures() {
    assertThat(
            sql(
                "SELECT program, max(cum_participants) AS people FROM gold.program_roi_yearly"
                    + " WHERE program IN ('gist_bootcamps', 'bri_scientist_training',"
                    + " 'bri_young_scientists') GROUP BY program ORDER BY program"))
        .containsExactly(
            "program,people",
            "bri_scientist_training,15000",
            "bri_young_scientists,5000",
            "gist_bootcamps,975");
  }

  @Test
  void chineseNamesAndUnitsFromTheGb18030FileComeThrough() {
    // 18 rows, every country written in Chinese; one (a negative amount) is quarantined.
    assertThat(
            sql(
                "SELECT count(*) AS n FROM silver.investment WHERE _file LIKE '%gb18030%'"
                    + " AND country RLIKE '^[\\\\x{4e00}-\\\\x{9fff}]+$'"))
        .containsExactly("n", "17");
    assertThat(
            sql(
                "SELECT country, country_iso3, currency FROM silver.investment"
                    + " WHERE _file LIKE '%gb18030%' AND country = '意大利' ORDER BY _line"))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).matches("country,country_iso3,currency|意大利,ITA,[A-Z]{3}"));
  }

  @Test
  void statusShowsTheRunWithItsCountsAndRules() {
    Cli status = Cli.run("status", "--warehouse", warehouse.toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("Latest runs (ops.runs):")
        .containsPattern("\\| noop +\\| noop +\\| 0 ")
        .containsPattern("\\| 9 +\\| 423 +\\| 417 +\\| 6 +\\| balanced")
        .containsPattern("silver\\.investment +\\| unknown_country +\\| quarantine +\\| 1\\b");
    // Neither run was given --date: each one's logical date is the UTC day it started, which its
    // id spells (20261120T010203Z-1a2b3c).
    Matcher runs =
        Pattern.compile(
                "(\\d{4})(\\d{2})(\\d{2})T\\d{6}Z-\\w{6} \\| (\\S+) +\\| (success|noop) +\\| (rebuild|noop) ")
            .matcher(status.out());
    List<String> dates = new java.util.ArrayList<>();
    while (runs.find()) {
      assertThat(runs.group(4))
          .isEqualTo(runs.group(1) + "-" + runs.group(2) + "-" + runs.group(3));
      dates.add(runs.group(5) + "," + runs.group(6));
    }
    assertThat(dates).containsExactly("noop,noop", "success,rebuild");
    // Per series and sums table: the years and the records, as silver holds them.
    for (String kind : List.of("investment", "joint_lab", "training", "fund")) {
      String[] silver =
          sql("SELECT min(year), max(year), count(*), min(series), max(series) FROM silver." + kind)
              .get(1)
              .split(",");
      assertThat(silver[3]).isEqualTo("programme_records").isEqualTo(silver[4]);
      String sums = kind.equals("investment") ? "investment_monthly" : kind + "_yearly";
      assertThat(status.out())
          .containsPattern(
              "programme_records +\\| gold\\."
                  + sums
                  + " +\\| "
                  + silver[0]
                  + " +\\| "
                  + silver[1]
                  + " +\\| "
                  + silver[2]
                  + "\\b");
    }
  }

  private static List<String> sql(String query) {
    return Cli.csv(warehouse, query);
  }
}
