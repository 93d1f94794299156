package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestSpark;
import coopstats.contract.ColumnSpec;
import coopstats.contract.TableSchema;
import coopstats.contract.Tables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The sums arithmetic over a sums table keyed by program and year, with two measures. */
class TestSums {
  static final TableSchema SUMS =
      Tables.table(
          "gold.program_sums",
          "Amounts per program and year.",
          "one row per program and year.",
          List.of("program", "year"),
          List.of(),
          List.of(
              column("program", "string"),
              column("year", "int"),
              column("amount", "bigint"),
              column("records", "bigint")),
          null);

  final SparkSession spark = TestSpark.session();

  @Test
  void withMeasuresNegatedNegatesEveryColumnButTheKey() {
    assertThat(rows(Sums.withMeasuresNegated(sums(r("a", 2020, 10, 1), r("b", 2020, 0, 2)), SUMS)))
        .containsExactly(r("a", 2020, -10, -1), r("b", 2020, 0, -2));
  }

  @Test
  void sumByKeyAddsUpEachMeasurePerKey() {
    assertThat(
            rows(
                Sums.sumByKey(
                    sums(r("a", 2020, 10, 1), r("a", 2020, 5, 2), r("a", 2021, 1, 1)), SUMS)))
        .containsExactly(r("a", 2020, 15, 3), r("a", 2021, 1, 1));
  }

  @Test
  void filterAllZeroDropsOnlyRowsWhoseEveryMeasureIsZero() {
    assertThat(
            rows(
                Sums.filterAllZero(
                    sums(r("a", 2020, 0, 0), r("b", 2020, 0, 1), r("c", 2020, 3, 0)), SUMS)))
        .containsExactly(r("b", 2020, 0, 1), r("c", 2020, 3, 0));
  }

  @Test
  void deltaIsTheAddedMinusTheRemovedForTheKeysThatMoved() {
    Dataset<Row> added = sums(r("a", 2020, 10, 1), r("b", 2021, 5, 1));
    Dataset<Row> removed = sums(r("a", 2020, 4, 1), r("b", 2021, 5, 1));
    // b's row was replaced by an equal one: its sums do not move.
    assertThat(rows(Sums.delta(added, removed, SUMS))).containsExactly(r("a", 2020, 6, 0));
  }

  @Test
  void withDeltaAddsTheDeltaAndDropsKeysLeftWithNothing() {
    Dataset<Row> current = sums(r("a", 2020, 10, 2), r("b", 2020, 5, 1), r("c", 2020, 7, 1));
    Dataset<Row> delta = sums(r("a", 2020, -4, -1), r("b", 2020, -5, -1), r("d", 2020, 2, 1));
    assertThat(rows(Sums.withDelta(current, delta, SUMS)))
        .containsExactly(r("a", 2020, 6, 1), r("c", 2020, 7, 1), r("d", 2020, 2, 1));
  }

  static ColumnSpec column(String name, String type) {
    return Tables.column(name, type, null, name + ".");
  }

  static Row r(String program, int year, long amount, long records) {
    return RowFactory.create(program, year, amount, records);
  }

  Dataset<Row> sums(Row... rows) {
    return spark.createDataFrame(Arrays.asList(rows), SUMS.sparkSchema());
  }

  static List<Row> rows(Dataset<Row> rows) {
    return rows.orderBy("program", "year").collectAsList();
  }
}
