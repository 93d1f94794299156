package coopstats.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.contract.ColumnSpec;
import coopstats.contract.TableSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The gold comparison of one table: money at the cent, doubles to 1e-9, keys on both sides. */
class TestTableDiff {
  static final TableSchema YEARLY =
      new TableSchema(
          "gold.fund_yearly",
          "Funding per country and year.",
          "one row per country and year.",
          List.of("country_iso3", "year"),
          List.of(),
          null,
          List.of(
              column("country_iso3", "string"),
              column("year", "int"),
              column("amount_usd", "decimal(20,2)"),
              column("share", "double")),
          null,
          null,
          Map.of());

  @Test
  void rowsThatAgreeAtTheCentAndTo1e9AreTheSame() {
    TableDiff diff =
        TableDiff.of(
            YEARLY,
            List.of(row("CHN", 2020, "10.00", 0.1 + 0.2)),
            List.of(row("CHN", 2020L, "10.001", 0.3)));

    assertThat(diff.differences).isEmpty();
    assertThat(diff.rows).isEqualTo(1);
  }

  @Test
  void aCentOffAndAKeyOnOneSideAreDifferences() {
    TableDiff diff =
        TableDiff.of(
            YEARLY,
            List.of(row("CHN", 2020, "10.00", 0.5), row("KEN", 2020, "1.00", 1.0)),
            List.of(row("CHN", 2020, "10.01", 0.5)));

    assertThat(diff.keys).isEqualTo(2);
    assertThat(diff.differences)
        .containsExactly(
            "country_iso3=CHN, year=2020: amount_usd pipeline 10.00, DuckDB 10.01",
            "country_iso3=KEN, year=2020: only in the pipeline"
                + " {amount_usd=1.00, country_iso3=KEN, share=1.0, year=2020}");
  }

  @Test
  void aKeyTwiceOnOneSideIsAnError() {
    List<Map<String, Object>> twice =
        List.of(row("CHN", 2020, "1.00", 0.5), row("CHN", 2020, "2.00", 0.5));

    assertThatThrownBy(() -> TableDiff.of(YEARLY, twice, List.of()))
        .hasMessage("gold.fund_yearly: key country_iso3=CHN, year=2020 appears twice");
  }

  private static Map<String, Object> row(String iso3, Object year, String usd, double share) {
    Map<String, Object> row = new TreeMap<>();
    row.put("country_iso3", iso3);
    row.put("year", year);
    row.put("amount_usd", new BigDecimal(usd));
    row.put("share", share);
    return row;
  }

  private static ColumnSpec column(String name, String type) {
    return new ColumnSpec(name, type, true, name, null, null, null, null, null);
  }
}
