package coopstats.spark;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.contract.Tables;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silver tables keep deletion vectors, so that a night's MERGE marks the rows it replaces instead
 * of rewriting their files; gold never has them. A silver table made before that gets them once.
 */
class TestDeletionVectors {
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
            "Amounts per year.",
            "one row per year.",
            List.of("year"),
            List.of(),
            List.of(Tables.column("year", "int", false, "Calendar year.")),
            null);
    return t.withLayer(SCHEMAS.layer(t.layer()));
  }

  @Test
  void silverTablesAreCreatedWithDeletionVectorsAndGoldTablesWithout() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    w.ensure(schema("silver.amounts"));
    w.ensure(schema("gold.amounts"));
    assertThat(property(w, "silver", "amounts")).isEqualTo("true");
    assertThat(property(w, "gold", "amounts")).isEqualTo("false");
  }

  @Test
  void aSilverTableMadeWithoutDeletionVectorsGetsThemInOneCommitAndThenNoMore() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    String path = w.path("silver", "amounts");
    spark.sql(
        "CREATE TABLE delta.`"
            + path
            + "` (year INT) USING delta TBLPROPERTIES ('delta.enableDeletionVectors' = 'false')");
    long created = w.version("silver", "amounts");

    w.ensure(schema("silver.amounts"));
    assertThat(property(w, "silver", "amounts")).isEqualTo("true");
    long upgraded = w.version("silver", "amounts");
    assertThat(upgraded).isGreaterThan(created);

    w.ensure(schema("silver.amounts"));
    assertThat(w.version("silver", "amounts")).isEqualTo(upgraded);
  }

  private String property(Warehouse w, String layer, String table) {
    return spark
        .sql("SHOW TBLPROPERTIES delta.`" + w.path(layer, table) + "`")
        .where("key = 'delta.enableDeletionVectors'")
        .first()
        .getString(1);
  }
}
