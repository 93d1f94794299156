package coopstats.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.TestSpark;
import coopstats.contract.TableSchema;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column the schema file declares {@code nullable: false} stays {@code NOT NULL} through every
 * overwrite, and Delta refuses a null in it.
 */
class TestNotNull {
  @TempDir Path dir;
  final SparkSession spark = TestSpark.session();
  final TableSchema gold = TestDeletionVectors.schema("gold.amounts");

  @Test
  void overwritesKeepNotNullColumns() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    w.overwrite(years(2020, 2021), gold);
    w.overwrite(years(2022), gold);

    assertThat(nullable(w)).isFalse();
    assertThat(rows(w)).containsExactly(2022);
  }

  @Test
  void aNullInANotNullColumnFailsTheWriteAndKeepsTheRows() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    w.overwrite(years(2020), gold);

    assertThatThrownBy(() -> w.overwrite(years(2021, null), gold))
        .hasStackTraceContaining("NOT NULL constraint violated for column: year");
    assertThat(rows(w)).containsExactly(2020);
  }

  private Dataset<Row> years(Integer... years) {
    StructType schema = new StructType().add("year", DataTypes.IntegerType, true);
    List<Row> rows = java.util.Arrays.stream(years).map(y -> RowFactory.create(y)).toList();
    return spark.createDataFrame(rows, schema);
  }

  private boolean nullable(Warehouse w) {
    return spark
        .read()
        .format("delta")
        .load(w.path("gold", "amounts"))
        .schema()
        .apply("year")
        .nullable();
  }

  private List<Integer> rows(Warehouse w) {
    return spark
        .read()
        .format("delta")
        .load(w.path("gold", "amounts"))
        .orderBy("year")
        .collectAsList()
        .stream()
        .map(r -> r.getInt(0))
        .toList();
  }
}
