package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import coopstats.TestSpark;
import coopstats.contract.RuleSpec;
import coopstats.contract.TableSchema;
import coopstats.contract.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A gold table's rules, judged on the rows a run is about to write. */
class TestGoldRules {
  static final StructType SHARES =
      new StructType()
          .add("year", DataTypes.IntegerType)
          .add("group_key", DataTypes.StringType)
          .add("share", DataTypes.DoubleType);

  static final RuleSpec WITHIN_0_1 =
      rule("share_within_0_1", "share BETWEEN 0 AND 1", null, "fail");

  static final RuleSpec ONE_ROW_PER_YEAR =
      rule(
          "one_row_per_year",
          null,
          "SELECT year, count(*) AS n FROM rows GROUP BY year HAVING count(*) > 1",
          "fail");

  final Dataset<Row> rows =
      TestSpark.session()
          .createDataFrame(
              List.of(
                  RowFactory.create(2020, "a", 0.5),
                  RowFactory.create(2021, "b", 1.5),
                  RowFactory.create(2021, "c", null)),
              SHARES);

  @Test
  void anExpectRuleIsBrokenByRowsWhereItIsFalseNotNull() {
    assertThat(GoldRules.filterBroken(rows, WITHIN_0_1).collectAsList())
        .containsExactly(RowFactory.create(2021, "b", 1.5));
  }

  @Test
  void aViolationsRuleIsBrokenByTheRowsItsQueryReturns() {
    assertThat(GoldRules.filterBroken(rows, ONE_ROW_PER_YEAR).collectAsList())
        .containsExactly(RowFactory.create(2021, 2L));
  }

  @Test
  void aBrokenFailRuleStopsTheRunAndABrokenWarnRuleDoesNot() {
    assertThatThrownBy(() -> GoldRules.check(table(WITHIN_0_1), rows))
        .isInstanceOf(CoopstatsException.class)
        .hasMessageContaining("check share_within_0_1")
        .hasMessageContaining("\"share\":1.5")
        .satisfies(
            e -> assertThat(((CoopstatsException) e).exitCode()).isEqualTo(ExitCodes.DATA_ERROR));
    GoldRules.check(table(rule("share_within_0_1", "share BETWEEN 0 AND 1", null, "warn")), rows);
  }

  @Test
  void aShareOutsideZeroToOneIsAllowedOnlyInASeriesYearWithANegativeNetFlow() {
    RuleSpec shares =
        coopstats.contract.Schemas.load(coopstats.TestPaths.schemas())
            .table("gold.investment_share_yearly")
            .rulesOrEmpty()
            .stream()
            .filter(r -> r.name().equals("share_within_0_1"))
            .findFirst()
            .orElseThrow();
    StructType schema =
        new StructType()
            .add("series", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("group_type", DataTypes.StringType)
            .add("group_key", DataTypes.StringType)
            .add("amount_usd", DataTypes.createDecimalType(32, 2))
            .add("share", DataTypes.DoubleType);
    java.math.BigDecimal m10 = new java.math.BigDecimal("-10.00");
    java.math.BigDecimal p110 = new java.math.BigDecimal("110.00");
    Dataset<Row> net =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    // 2020: AGO disinvested, so KEN holds more than the net total.
                    RowFactory.create("flows", 2020, "country", "AGO", m10, -0.1),
                    RowFactory.create("flows", 2020, "country", "KEN", p110, 1.1),
                    // The same shares in a series-year without a negative flow are impossible.
                    RowFactory.create("deals", 2020, "country", "KEN", p110, 1.1),
                    RowFactory.create("flows", 2021, "region", "Africa", p110, 1.1)),
                schema);
    assertThat(GoldRules.filterBroken(net, shares).collectAsList())
        .extracting(r -> r.getString(0) + " " + r.getInt(1) + " " + r.getString(3))
        .containsExactlyInAnyOrder("deals 2020 KEN", "flows 2021 Africa");
  }

  static RuleSpec rule(String name, String expect, String violations, String action) {
    return new RuleSpec(name, null, expect, null, null, violations, action, "a reason", null);
  }

  static TableSchema table(RuleSpec rule) {
    return Tables.table(
        "gold.shares",
        "Shares.",
        "one row per year.",
        List.of("year"),
        List.of(),
        List.of(),
        List.of(rule));
  }
}
