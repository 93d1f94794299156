package coopstats.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.contract.Tables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/**
 * Silver and bronze files carry Delta statistics on the columns that order them (key and lineage),
 * not on every text and amount column; gold keeps Delta's default. A table made before gets the
 * setting in one commit, together with any other property it lacks.
 */
class TestStatsColumns {
  @TempDir Path dir;
  final SparkSession spark = TestSpark.session();

  static final Schemas SCHEMAS = Schemas.load(TestPaths.schemas());

  /**
   * A table of {@code table}'s layer, with the properties its layer's {@code _layer.yaml} gives.
   */
  static TableSchema schema(String table) {
    TableSchema t =
        Tables.table(
            table,
            "Amounts by record.",
            "one row per source and record_id.",
            List.of("source", "record_id"),
            List.of(),
            List.of(
                Tables.column("source", "string", false, "Source."),
                Tables.column("record_id", "string", false, "Record key."),
                Tables.column("year", "int", false, "Calendar year."),
                Tables.column("amount", "decimal(22,2)", true, "Amount."),
                Tables.column("_file", "string", false, "Landing file.")),
            null);
    return t.withLayer(SCHEMAS.layer(t.layer()));
  }

  @Test
  void silverFilesHaveStatisticsOnKeyAndLineageOnlyAndGoldOnEveryColumn() throws Exception {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    w.overwrite(rows(), schema("silver.amounts"));
    w.overwrite(rows(), schema("gold.amounts"));

    assertThat(property(w, "silver", "amounts")).isEqualTo("source,record_id,_file");
    assertThat(property(w, "gold", "amounts")).isNull();
    assertThat(statsColumns(w.path("silver", "amounts")))
        .containsExactly("_file", "record_id", "source");
    assertThat(statsColumns(w.path("gold", "amounts")))
        .containsExactly("_file", "amount", "record_id", "source", "year");
  }

  @Test
  void aSilverTableMadeBeforeGetsItsPropertiesInOneCommitAndThenNoMore() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    spark.sql(
        "CREATE TABLE "
            + TableDefinitions.byPath(w.path("silver", "amounts"))
            + " (source STRING NOT NULL COMMENT 'Source.',"
            + " record_id STRING NOT NULL COMMENT 'Record key.',"
            + " year INT NOT NULL COMMENT 'Calendar year.', amount DECIMAL(22,2) COMMENT 'Amount.',"
            + " _file STRING NOT NULL COMMENT 'Landing file.') USING delta"
            + " COMMENT 'Amounts by record. Grain: one row per source and record_id.'"
            + " TBLPROPERTIES ('delta.enableDeletionVectors' = 'false')");
    long created = w.version("silver", "amounts");

    w.ensure(schema("silver.amounts"));
    assertThat(w.version("silver", "amounts")).isEqualTo(created + 1);
    assertThat(property(w, "silver", "amounts")).isEqualTo("source,record_id,_file");
    assertThat(
            spark
                .sql("SHOW TBLPROPERTIES " + TableDefinitions.byPath(w.path("silver", "amounts")))
                .where("key = 'delta.enableDeletionVectors'")
                .first()
                .getString(1))
        .isEqualTo("true");

    w.ensure(schema("silver.amounts"));
    assertThat(w.version("silver", "amounts")).isEqualTo(created + 1);
  }

  @Test
  void bronzeTablesKeepStatisticsOnTheColumnsTheyAreReadBy() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    StructType bronze =
        new StructType()
            .add("_file", DataTypes.StringType)
            .add("_run_id", DataTypes.StringType)
            .add("amount", DataTypes.StringType);
    w.ensureChangeFeed(
        "bronze",
        "amounts",
        bronze,
        SCHEMAS.layer("bronze").forTable(List.of(bronze.fieldNames()), List.of()));
    assertThat(property(w, "bronze", "amounts")).isEqualTo("_file,_run_id");
    long version = w.version("bronze", "amounts");

    w.ensureChangeFeed(
        "bronze", "amounts", bronze, Map.of("delta.dataSkippingStatsColumns", "_file"));
    assertThat(property(w, "bronze", "amounts")).isEqualTo("_file");
    assertThat(w.version("bronze", "amounts")).isEqualTo(version + 1);
  }

  private org.apache.spark.sql.Dataset<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("investment", "a", 2020, new BigDecimal("1.50"), "x.csv"));
    rows.add(RowFactory.create("investment", "b", 2021, null, "x.csv"));
    return spark.createDataFrame(rows, schema("silver.amounts").sparkSchema());
  }

  /** The columns that the table's files have minimum values for, over all its files. */
  private TreeSet<String> statsColumns(String path) throws Exception {
    TreeSet<String> columns = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (AddFile f :
        DeltaLog.forTable(spark, path)
            .update(false, Option.empty(), Option.empty())
            .allFiles()
            .collectAsList()) {
      JsonNode stats = json.readTree(f.stats());
      stats.get("minValues").fieldNames().forEachRemaining(columns::add);
    }
    return columns;
  }

  private String property(Warehouse w, String layer, String table) {
    List<Row> rows =
        spark
            .sql("SHOW TBLPROPERTIES " + TableDefinitions.byPath(w.path(layer, table)))
            .where("key = 'delta.dataSkippingStatsColumns'")
            .collectAsList();
    return rows.isEmpty() ? null : rows.get(0).getString(1);
  }
}
