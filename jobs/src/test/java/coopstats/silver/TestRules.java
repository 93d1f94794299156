package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestSpark;
import coopstats.contract.RuleSpec;
import coopstats.contract.Tables;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A table's rules over three typed rows: which row each rule marks, counts or stops on. */
class TestRules {
  final SparkSession spark = TestSpark.session();

  static final StructType PARSED =
      new StructType()
          .add("amount", DataTypes.IntegerType)
          .add("country", DataTypes.StringType)
          .add("q_source", DataTypes.StringType)
          .add("q_file", DataTypes.StringType)
          .add("q_line", DataTypes.LongType)
          .add("q_raw", DataTypes.StringType)
          .add("q_rule", DataTypes.StringType)
          .add("q_reason", DataTypes.StringType)
          .add("q_sheet", DataTypes.StringType);

  /** Row 1 breaks nothing; row 2 has a negative amount; row 3 an unknown country. */
  Dataset<Row> threeRows() {
    return spark.createDataFrame(
        List.of(
            RowFactory.create(5, "KEN", "s", "f.xlsx", 2L, "5,KEN", null, null, "Dataset 1"),
            RowFactory.create(-1, "KEN", "s", "f.xlsx", 3L, "-1,KEN", null, null, "Dataset 1"),
            RowFactory.create(7, "XXX", "s", "f.xlsx", 4L, "7,XXX", null, null, "Dataset 1")),
        PARSED);
  }

  static Rules rules(RuleSpec... rules) {
    return new Rules(things(rules), Map.of("ref.country.iso3", List.of("KEN")));
  }

  static coopstats.contract.TableSchema things(RuleSpec... rules) {
    return Tables.table(
        "silver.things",
        "Things.",
        "one row per line.",
        List.of(),
        List.of(),
        List.of(Tables.column("amount", "int", true, "Amount.")),
        List.of(rules));
  }

  @Test
  void aRuleExceptNetFlowsLeavesTheRowsOfNetFlowSourcesAlone() {
    StructType parsed = PARSED.add("source", DataTypes.StringType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    -1, "KEN", "deals", "f.csv", 2L, "-1,KEN", null, null, null, "deals"),
                RowFactory.create(
                    -1, "KEN", "flows", "g.csv", 2L, "-1,KEN", null, null, null, "flows")),
            parsed);
    RuleSpec negative =
        new RuleSpec(
            "negative", "amount", "amount >= 0", null, null, null, "quarantine", "{value}", true);
    Rules rules = new Rules(things(negative), Map.of(), java.util.Set.of("flows"));
    assertThat(rules.quarantine(rows).orderBy("source").collectAsList())
        .extracting(r -> r.<String>getAs("source") + ":" + r.getAs("q_rule"))
        .containsExactly("deals:negative", "flows:null");
  }

  static RuleSpec rule(String name, String expect, String references, String action) {
    String column = expect != null ? "amount" : "country";
    return new RuleSpec(
        name, column, expect, null, references, null, action, "{value} breaks it", null);
  }

  @Test
  void aQuarantineRuleMarksTheRowsThatBreakItWithTheFirstRuleAndItsReason() {
    Rules rules =
        rules(
            rule("negative", "amount >= 0", null, "quarantine"),
            rule("unknown_country", null, "ref.country.iso3", "quarantine"));
    List<String> marked =
        rules
            .quarantine(threeRows())
            .orderBy("q_line")
            .select("q_line", "q_rule", "q_reason")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .toList();
    assertThat(marked)
        .containsExactly(
            "[2,null,null]", "[3,negative,-1 breaks it]", "[4,unknown_country,XXX breaks it]");
  }

  @Test
  void aRowAlreadyRejectedKeepsItsRule() {
    Dataset<Row> rejected =
        threeRows()
            .selectExpr(
                "amount",
                "country",
                "q_source",
                "q_file",
                "q_line",
                "q_raw",
                "CASE WHEN q_line = 3 THEN 'not_null' END AS q_rule",
                "CASE WHEN q_line = 3 THEN 'amount is empty' END AS q_reason");
    Rules rules = rules(rule("negative", "amount >= 0", null, "quarantine"));
    assertThat(rules.quarantine(rejected).where("q_line = 3").select("q_rule", "q_reason").first())
        .hasToString("[not_null,amount is empty]");
  }

  @Test
  void warnRulesAreCountedAndTheFirstBrokenFailRuleNamesItsFirstRow() {
    Rules rules =
        rules(
            rule("negative", "amount >= 0", null, "warn"),
            rule("unknown_country", null, "ref.country.iso3", "warn"),
            rule("small", "amount > 6", null, "fail"),
            rule("positive", "amount > 0", null, "fail"));
    assertThat(rules.warnNames()).containsExactly("negative", "unknown_country");
    assertThat(threeRows().agg(rules.warnCounts()).first().getList(0)).containsExactly(1L, 1L);
    assertThat(rules.firstBroken(threeRows()))
        .contains(
            new Rules.Broken(
                "silver.things",
                "small",
                2,
                "s",
                "f.xlsx",
                "Dataset 1",
                2L,
                "5,KEN",
                "5 breaks it"));
    assertThat(rules.firstBroken(threeRows()).orElseThrow().error("5,KEN").getMessage())
        .isEqualTo(
            "fail rule small of silver.things is broken by 2 row(s); nothing was published."
                + " First: f.xlsx, sheet \"Dataset 1\", line 2: 5 breaks it (row: 5,KEN). Fix"
                + " the data or the reference data and run again.");
  }

  @Test
  void noFailRuleBrokenIsEmpty() {
    assertThat(rules(rule("positive", "amount > -5", null, "fail")).firstBroken(threeRows()))
        .isEmpty();
  }
}
