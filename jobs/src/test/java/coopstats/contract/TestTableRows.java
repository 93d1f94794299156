package coopstats.contract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import coopstats.TestPaths;
import coopstats.TestSpark;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Rows are built by column name, so code and schema file that disagree fail before a write. */
class TestTableRows {
  static final TableSchema ALIAS = Schemas.load(TestPaths.schemas()).table("ref.country_alias");

  static Map<String, Object> alias() {
    Map<String, Object> values = new HashMap<>();
    values.put("source", "test");
    values.put("alias", "Britain");
    values.put("iso3", "GBR");
    return values;
  }

  @Test
  void valuesByNameComeOutInTheSchemaFilesOrder() {
    Row row = ALIAS.row(alias());
    assertThat(row.length()).isEqualTo(3);
    assertThat(row.getString(0)).isEqualTo("Britain");
    assertThat(row.getString(1)).isEqualTo("GBR");
    assertThat(row.getString(2)).isEqualTo("test");
  }

  @Test
  void aNullValueIsStillAColumnGiven() {
    Map<String, Object> values = alias();
    values.put("source", null);
    assertThat(ALIAS.row(values).isNullAt(2)).isTrue();
  }

  @Test
  void aColumnTheCodeDoesNotGiveIsAConfigurationError() {
    Map<String, Object> values = alias();
    values.remove("iso3");
    assertThatThrownBy(() -> ALIAS.row(values))
        .isInstanceOfSatisfying(
            CoopstatsException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIG);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the schema file of ref.country_alias does not match what coopstats writes"
                          + " to it: it declares [iso3], which coopstats does not write. Give the"
                          + " schema file the columns of this version of coopstats"
                          + " (docs/tables.md lists them) and run again.");
            });
  }

  @Test
  void aColumnTheSchemaFileLacksIsAConfigurationError() {
    Map<String, Object> values = alias();
    values.put("language", "en");
    assertThatThrownBy(() -> ALIAS.row(values))
        .isInstanceOf(CoopstatsException.class)
        .hasMessage(
            "the schema file of ref.country_alias does not match what coopstats writes to it: it"
                + " lacks [language], which coopstats writes. Give the schema file the columns of"
                + " this version of coopstats (docs/tables.md lists them) and run again.");
  }

  @Test
  void bothAreNamedWhenBothHappen() {
    Map<String, Object> values = alias();
    values.remove("alias");
    values.put("spelling", "Britain");
    assertThatThrownBy(() -> ALIAS.row(values))
        .hasMessageContaining(
            "it declares [alias], which coopstats does not write; it lacks [spelling], which"
                + " coopstats writes.");
  }

  @Test
  void expressionsByNameComeOutInOrderAndNamedAsTheSchemaFileNamesThem() {
    Dataset<Row> rows =
        TestSpark.session()
            .sql("SELECT 'GBR' AS code, 'Britain' AS name")
            .select(
                ALIAS.columns(
                    Map.of("iso3", col("code"), "alias", col("name"), "source", lit("test"))));
    assertThat(rows.columns()).containsExactly("alias", "iso3", "source");
    assertThat(rows.first()).hasToString("[Britain,GBR,test]");
    assertThatThrownBy(() -> ALIAS.columns(Map.of("iso3", col("code"), "alias", col("name"))))
        .hasMessageContaining("it declares [source], which coopstats does not write");
  }
}
