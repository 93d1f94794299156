package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestSpark;
import coopstats.contract.TableSchema.YearDependence;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The year predicate a change to some years of a table's inputs makes for the table. */
class TestAffectedYears {
  static final TreeSet<Integer> CHANGED = new TreeSet<>(List.of(2021, 2019, 2023));

  @Test
  void aYearAloneReplacesTheChangedYears() {
    assertThat(AffectedYears.predicate(YearDependence.YEAR, CHANGED))
        .isEqualTo("year IN (2019, 2021, 2023)");
  }

  @Test
  void aYearOnYearChangeAlsoReplacesEachFollowingYear() {
    assertThat(AffectedYears.predicate(YearDependence.PREVIOUS_YEAR, CHANGED))
        .isEqualTo("year IN (2019, 2020, 2021, 2022, 2023, 2024)");
  }

  @Test
  void aCumulativeTotalReplacesEveryYearFromTheFirstChanged() {
    assertThat(AffectedYears.predicate(YearDependence.EARLIER_YEARS, CHANGED))
        .isEqualTo("year >= 2019");
  }

  @Test
  void theYearsRowsFallIn() {
    StructType schema =
        new StructType().add("year", DataTypes.IntegerType).add("amount", DataTypes.LongType);
    assertThat(
            AffectedYears.of(
                TestSpark.session()
                    .createDataFrame(
                        List.of(
                            RowFactory.create(2021, 5L),
                            RowFactory.create(2019, 1L),
                            RowFactory.create(2021, 2L)),
                        schema)))
        .containsExactly(2019, 2021);
  }
}
