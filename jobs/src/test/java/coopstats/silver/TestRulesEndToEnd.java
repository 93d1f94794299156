package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import coopstats.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules declared in the schema files: warn keeps and counts, quarantine moves the row with its
 * reason, fail publishes nothing and exits 65, and gold checks stop impossible numbers.
 */
@Tag(Tags.OWN_RUNS)
class TestRulesEndToEnd {
  static final String INVESTMENT =
      "record_id,year,month,investor,country,sector,amount,currency,unit,is_tech\n";
  static final String TRAINING =
      "record_id,program,year,country,participants,cost_amount,currency\n";

  @TempDir Path dir;

  @Test
  void warnKeepsAndCountsQuarantineMovesWithItsReason() throws IOException {
    deliver("investment/a.csv", INVESTMENT + "A,2019,,X,Kenya,basket weaving,5,USD,million,\n");
    deliver(
        "training/t.csv",
        TRAINING
            + "T1,gist_bootcamps,2019,Egypt,3,10,USD\nT2,no_such_programme,2019,Egypt,3,10,USD\n");
    Cli run = run(TestPaths.schemas());
    assertThat(run.exitCode()).as(run.err()).isZero();
    // The unknown sector stays in silver, unclassified, and is counted.
    assertThat(sql("SELECT record_id, is_tech FROM silver.investment"))
        .containsExactly("record_id,is_tech", "A,");
    assertThat(
            sql(
                "SELECT table_name, rule, action, rows FROM ops.quality"
                    + " WHERE rule IN ('unclassified_sector', 'unknown_program', 'fx_rate_positive')"
                    + " ORDER BY ALL"))
        .containsExactly(
            "table_name,rule,action,rows",
            "silver.fund,fx_rate_positive,fail,0",
            "silver.fund,unclassified_sector,warn,0",
            "silver.investment,fx_rate_positive,fail,0",
            "silver.investment,unclassified_sector,warn,1",
            "silver.joint_lab,fx_rate_positive,fail,0",
            "silver.joint_lab,unknown_program,quarantine,0",
            "silver.training,fx_rate_positive,fail,0",
            "silver.training,unknown_program,quarantine,1");
    assertThat(sql("SELECT file, line, rule, reason FROM silver.quarantine"))
        .containsExactly(
            "file,line,rule,reason",
            "training/t.csv,3,unknown_program,program 'no_such_programme' is not in ref.program;"
                + " add the programme to schemas/ref/programs.csv and run again with --full-refresh");
    Cli status = Cli.run("status", "--warehouse", dir.resolve("warehouse").toString());
    assertThat(status.out())
        .containsPattern("silver\\.investment +\\| unclassified_sector +\\| warn +\\| 1\\b");
  }

  @Test
  void aBrokenFailRulePublishesNothingAndExits65() throws IOException {
    Path schemas =
        schemasWith(
            "tables/silver/investment.yaml",
            "  - {name: no_deal_over_a_billion, column: amount_usd, expect: \"amount_usd < 1e9\","
                + " action: fail, reason: \"a deal of USD {value} is beyond any on record; check the unit\"}\n");
    deliver("investment/a.csv", INVESTMENT + "A,2019,,X,Kenya,energy,5,USD,million,\n");
    assertThat(run(schemas).exitCode()).isZero();
    List<String> before = published();

    deliver(
        "investment/b.csv",
        INVESTMENT
            + "B,2020,,X,Kenya,energy,6,USD,million,\nC,2020,,X,Kenya,energy,2,USD,billion,\n");
    Cli failed = run(schemas);
    assertThat(failed.exitCode()).isEqualTo(65);
    assertThat(failed.err())
        .contains("fail rule no_deal_over_a_billion of silver.investment is broken by 1 row(s)")
        .contains("nothing was published")
        .contains("investment/b.csv line 3: a deal of USD 2000000000.00 is beyond any on record")
        .contains("(row: C,2020,,X,Kenya,energy,2,USD,billion,)");
    assertThat(published()).isEqualTo(before);
    assertThat(sql("SELECT record_id FROM silver.investment")).containsExactly("record_id", "A");
    assertThat(sql("SELECT status, exit_code FROM ops.runs ORDER BY started_at DESC LIMIT 1"))
        .containsExactly("status,exit_code", "failed,65");
    // A rebuild keeps the text of quarantined rows only; the error still shows the row's.
    Cli rebuilt = run(schemas, "--full-refresh");
    assertThat(rebuilt.exitCode()).isEqualTo(65);
    assertThat(rebuilt.err())
        .contains("investment/b.csv line 3: a deal of USD 2000000000.00 is beyond any on record")
        .contains("(row: C,2020,,X,Kenya,energy,2,USD,billion,)");
    assertThat(published()).isEqualTo(before);

    // A corrected row for the same key, delivered later, clears the rule.
    deliver("investment/c.csv", INVESTMENT + "C,2020,,X,Kenya,energy,2,USD,million,\n");
    Cli fixed = run(schemas);
    assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    assertThat(sql("SELECT record_id, amount_usd FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id,amount_usd", "A,5000000.00", "B,6000000.00", "C,2000000.00");
  }

  @Test
  void aBrokenGoldCheckPublishesNoTable() throws IOException {
    Path schemas =
        schemasWith(
            "tables/gold/investment_share_yearly.yaml",
            "  - name: one_country_a_year\n"
                + "    violations: \"SELECT year, count(*) AS countries FROM rows"
                + " WHERE group_type = 'country' GROUP BY year HAVING count(*) > 1\"\n"
                + "    action: fail\n"
                + "    reason: at most one country a year\n");
    deliver(
        "investment/a.csv",
        INVESTMENT
            + "A,2019,,X,Kenya,energy,5,USD,million,\nB,2019,,X,Chile,energy,5,USD,million,\n");
    Cli failed = run(schemas);
    assertThat(failed.exitCode()).isEqualTo(65);
    assertThat(failed.err())
        .contains(
            "check one_country_a_year (at most one country a year) of gold.investment_share_yearly failed")
        .contains("{\"year\":2019,\"countries\":2}");
    // The sums the statistic is computed from were written first; the failed check puts them back.
    assertThat(
            sql(
                "SELECT (SELECT count(*) FROM gold.investment_monthly) AS sums,"
                    + " (SELECT count(*) FROM gold.investment_share_yearly) AS shares"))
        .containsExactly("sums,shares", "0,0");
    assertThat(sql("SELECT count(*) AS n FROM silver.investment")).containsExactly("n", "0");
  }

  @Test
  void aFileWithoutARequiredColumnEndsTheRunWith65WhenItsProfileSaysSo() throws IOException {
    Path schemas = schemasWith("sources/investment.yaml", "on_missing_column: fail\n");
    deliver("investment/good.csv", INVESTMENT + "A,2019,,X,Kenya,energy,5,USD,million,\n");
    deliver(
        "investment/renamed.csv",
        INVESTMENT.replace("country", "nation") + "R,2019,,X,Kenya,energy,5,USD,million,\n");
    deliver("training/t.csv", TRAINING + "T1,gist_bootcamps,2019,Egypt,3,10,USD\n");
    Cli first = run(schemas);
    assertThat(first.exitCode()).as(first.err()).isEqualTo(65);
    assertThat(first.err())
        .contains(
            "1 file(s) lack a required column or cannot be read, and their source's profile says")
        .contains("investment/renamed.csv (1 rows): missing required column(s) [country]")
        .contains("found [record_id, year, month, investor, nation, sector,");
    assertThat(first.out()).contains("rejected    investment/renamed.csv (1 rows)");
    // The other files and sources are published; the file's row waits in quarantine.
    assertThat(sql("SELECT record_id FROM silver.investment")).containsExactly("record_id", "A");
    assertThat(sql("SELECT record_id FROM silver.training")).containsExactly("record_id", "T1");
    assertThat(sql("SELECT file, line, rule FROM silver.quarantine"))
        .containsExactly("file,line,rule", "investment/renamed.csv,2,missing_column");
    assertThat(sql("SELECT status, exit_code FROM ops.runs"))
        .containsExactly("status,exit_code", "partial,65");
    assertThat(sql("SELECT count(*) AS n FROM gold.investment_share_yearly WHERE year = 2019"))
        .doesNotContain("0");

    // The run has told; the next night has nothing new and succeeds.
    Cli next = run(schemas);
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out()).contains("nothing new");
  }

  /** The rows of the tables a failed run must leave as they were. */
  private List<String> published() {
    List<String> rows = new java.util.ArrayList<>();
    for (String t :
        List.of("silver.investment", "silver.quarantine", "gold.investment_share_yearly")) {
      rows.addAll(sql("SELECT '" + t + "', * FROM " + t + " ORDER BY ALL"));
    }
    return rows;
  }

  private Path schemasWith(String file, String text) throws IOException {
    return TestPaths.schemasWith(dir, file, text);
  }

  private void deliver(String file, String text) throws IOException {
    Path path = dir.resolve("landing").resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private Cli run(Path schemas, String... options) {
    return Cli.runWith(schemas, Cli.runArgs(dir, options));
  }

  private List<String> sql(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }
}
