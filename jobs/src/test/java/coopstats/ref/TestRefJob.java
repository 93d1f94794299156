package coopstats.ref;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.spark.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference tables are written by column name, typed as their schema files say. */
class TestRefJob {
  @TempDir Path dir;

  @Test
  void everyReferenceTableIsWrittenWithItsSchemaFilesColumns() {
    SparkSession spark = TestSpark.session();
    Schemas schemas = Schemas.load(TestPaths.schemas());
    Warehouse warehouse = new Warehouse(spark, dir.toUri().toString());
    RefData ref = RefData.load(schemas);
    new RefJob(warehouse, schemas).write(ref);

    for (String table : ref.tables().keySet()) {
      String name = table.substring("ref.".length());
      List<String> columns =
          List.of(spark.read().format("delta").load(warehouse.path("ref", name)).columns());
      assertThat(columns).as(table).isEqualTo(schemas.table(table).columnNames());
    }
    List<Row> ita =
        spark
            .read()
            .format("delta")
            .load(warehouse.path("ref", "country_group"))
            .where("iso3 = 'ITA' AND group_id = 'belt_and_road'")
            .selectExpr("group_type", "CAST(valid_from AS STRING)", "CAST(valid_to AS STRING)")
            .collectAsList();
    assertThat(ita).map(Row::toString).containsExactly("[country_group,2019-03-01,2023-12-06]");
    Row eur =
        spark
            .read()
            .format("delta")
            .load(warehouse.path("ref", "fx_rate"))
            .where("currency = 'EUR' AND year = 2020")
            .selectExpr("CAST(units_per_usd AS STRING)")
            .first();
    assertThat(eur.getString(0))
        .isEqualTo(
            ref.fxRates().stream()
                .filter(f -> f.currency().equals("EUR") && f.year() == 2020)
                .findFirst()
                .orElseThrow()
                .unitsPerUsd()
                .setScale(6)
                .toPlainString());
  }
}
