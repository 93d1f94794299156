package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A table's SQL run over given rows, as a nightly run does over the rows a merge added. */
class TestSqlOverRows {
  final SparkSession spark = TestSpark.session();

  final Dataset<Row> added =
      spark.createDataFrame(
          List.of(
              RowFactory.create("a", 2L), RowFactory.create("b", 3L), RowFactory.create("a", 5L)),
          new StructType().add("k", DataTypes.StringType).add("v", DataTypes.LongType));

  @Test
  void theQueryReadsTheRowsInPlaceOfTheTableAndTheViewIsGoneOnceItIsAnalysed() {
    String sql =
        "-- silver.amounts summed per k; silver.amounts_old is another table\n"
            + "SELECT k, SUM(v) AS v FROM silver.amounts GROUP BY k";
    Dataset<Row> summed =
        SqlOverRows.readingRowsAs(sql, "silver.amounts", added, "coopstats_test_added");
    assertThat(spark.catalog().tableExists("coopstats_test_added")).isFalse();
    assertThat(summed.orderBy("k").collectAsList())
        .containsExactly(RowFactory.create("a", 7L), RowFactory.create("b", 3L));
  }
}
