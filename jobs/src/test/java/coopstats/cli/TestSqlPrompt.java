package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.Cli;
import coopstats.CoopstatsException;
import coopstats.SampleWarehouse;
import coopstats.TestSpark;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coopstats sql} without a query: the prompt on piped input, and {@code --file}. */
class TestSqlPrompt {
  @TempDir Path dir;

  static Cli withInput(String input, String... args) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return Cli.run(args);
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void thePromptRunsMultiLineStatementsGoesOnAfterAnErrorAndStopsAtQuit() {
    Cli prompt =
        withInput(
            "SHOW TABLES IN gold;\n"
                + "SELECT count(DISTINCT lab_id) AS labs\n"
                + "  FROM silver.joint_lab;\n"
                + "SELECT * FROM gold.no_such_table;\n"
                + "SELECT 'still here' AS answer; quit\n"
                + "quit\n"
                + "SELECT 'after quit' AS answer;\n",
            "sql",
            "--warehouse",
            SampleWarehouse.get().toString(),
            "--format",
            "csv");

    assertThat(prompt.exitCode()).as(prompt.err()).isZero();
    assertThat(prompt.out().lines())
        .containsExactly(
            "namespace,tableName,isTemporary",
            "gold,fund_yearly,false",
            "gold,investment_monthly,false",
            "gold,investment_share_yearly,false",
            "gold,joint_lab_yearly,false",
            "gold,program_roi_yearly,false",
            "gold,tech_investment_ratio_yearly,false",
            "gold,training_yearly,false",
            "labs",
            "53",
            "answer",
            "still here");
    assertThat(prompt.err())
        .contains("coopstats> ")
        .contains("        -> ")
        .contains("coopstats: the query failed: [TABLE_OR_VIEW_NOT_FOUND]");
  }

  @Test
  void aFileRunsItsStatementsInOrderAndStopsAtTheFirstErrorNamingItsLine() throws Exception {
    Path file = dir.resolve("q.sql");
    Files.writeString(
        file,
        "-- how many labs; and a string with a ;\n"
            + "SELECT count(DISTINCT lab_id) AS labs FROM silver.joint_lab;\n"
            + "SELECT 'a;b' AS s;\n"
            + "\n"
            + "SELECT no_such_column\n"
            + "  FROM gold.investment_share_yearly;\n"
            + "SELECT 'never' AS s;\n");

    Cli run =
        Cli.run(
            "sql",
            "--warehouse",
            SampleWarehouse.get().toString(),
            "--format",
            "csv",
            "--file",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(64);
    assertThat(run.out().lines()).containsExactly("labs", "53", "s", "a;b");
    assertThat(run.err())
        .contains("coopstats: " + file + ", line 5: the query failed: [UNRESOLVED_COLUMN")
        .contains("The statements before it ran");
  }

  @Test
  void aQueryThatDoesNotParseSaysWhereAndOnlyAMissingTableGetsTheNamingHint() {
    assertThatThrownBy(() -> SqlCommand.execute(TestSpark.session(), "SELEC 1"))
        .isInstanceOf(CoopstatsException.class)
        .hasMessageStartingWith("the query failed: [PARSE_SYNTAX_ERROR] Syntax error at or near")
        .hasMessageNotContaining("Tables are named");
    assertThatThrownBy(() -> SqlCommand.execute(TestSpark.session(), "SELECT no_such_column"))
        .hasMessageStartingWith("the query failed: [UNRESOLVED_COLUMN")
        .hasMessageNotContaining("Tables are named");
    assertThatThrownBy(() -> SqlCommand.execute(TestSpark.session(), "SELECT * FROM gold.none"))
        .hasMessageStartingWith("the query failed: [TABLE_OR_VIEW_NOT_FOUND]")
        .hasMessageEndingWith(". Tables are named <layer>.<table>; try SHOW TABLES IN gold.");
  }
}
