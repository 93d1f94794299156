package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where statements end: at a ; outside strings, names and comments. */
class TestSqlStatements {
  @Test
  void aSemicolonInAStringANameOrACommentDoesNotEndAStatement() {
    SqlStatements s =
        SqlStatements.split(
            "-- first; not the end\nSELECT 'a;b', `c;d`\n  FROM t;\n"
                + "/* two;\nlines */ SELECT \"e\\\";f\";\n\nSELECT 3");
    assertThat(s.complete())
        .containsExactly(
            new SqlStatements.Statement("-- first; not the end\nSELECT 'a;b', `c;d`\n  FROM t", 1),
            new SqlStatements.Statement("/* two;\nlines */ SELECT \"e\\\";f\"", 4));
    assertThat(s.rest()).isEqualTo("\n\nSELECT 3");
    assertThat(s.all()).last().isEqualTo(new SqlStatements.Statement("SELECT 3", 7));
  }

  @Test
  void emptyStatementsAndCommentsAloneAreSkipped() {
    assertThat(SqlStatements.split(";;\n-- nothing\n;SELECT 1;").complete())
        .containsExactly(new SqlStatements.Statement("SELECT 1", 3));
    assertThat(SqlStatements.split("SELECT 1;\n-- done\n").all()).hasSize(1);
  }
}
