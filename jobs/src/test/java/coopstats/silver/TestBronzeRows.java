package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestSpark;
import coopstats.contract.Lineage;
import coopstats.spark.Warehouse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivered text a broken fail rule quotes is the text of its own line: named by file, sheet
 * and line, since two sheets of a workbook have rows of the same number, and the latest delivery's
 * when a file was delivered again under its name.
 */
class TestBronzeRows {
  @TempDir Path dir;

  @Test
  void aLineIsNamedByItsFileSheetAndLineAndTheLatestDeliveryWins() {
    SparkSession spark = TestSpark.session();
    Warehouse warehouse = new Warehouse(spark, dir.toUri().toString().replaceAll("/$", ""));
    StructType schema =
        new StructType()
            .add(Lineage.FILE, DataTypes.StringType)
            .add(Lineage.SHEET, DataTypes.StringType)
            .add(Lineage.LINE, DataTypes.LongType)
            .add(Lineage.INGESTED_AT, DataTypes.TimestampType)
            .add(Lineage.RAW, DataTypes.StringType);
    Timestamp first = Timestamp.valueOf("2026-11-20 01:00:00");
    Timestamp again = Timestamp.valueOf("2026-11-21 01:00:00");
    List<Row> rows =
        List.of(
            RowFactory.create("book.xlsx", "Dataset 1", 7L, first, "investment row 7"),
            RowFactory.create("book.xlsx", "Dataset 2", 7L, first, "construction row 7"),
            RowFactory.create("flows.csv", null, 7L, first, "as first delivered"),
            RowFactory.create("flows.csv", null, 7L, again, "as delivered again"));
    spark
        .createDataFrame(rows, schema)
        .write()
        .format("delta")
        .save(warehouse.path("bronze", "book"));
    BronzeRows bronze = new BronzeRows(warehouse, List.of());

    assertThat(bronze.lineText("book", "book.xlsx", "Dataset 1", 7)).isEqualTo("investment row 7");
    assertThat(bronze.lineText("book", "book.xlsx", "Dataset 2", 7))
        .isEqualTo("construction row 7");
    assertThat(bronze.lineText("book", "flows.csv", null, 7)).isEqualTo("as delivered again");
    assertThat(bronze.lineText("book", "book.xlsx", null, 7)).isNull();
    assertThat(bronze.lineText("book", "book.xlsx", "Dataset 3", 7)).isNull();
  }
}
