package coopstats.spark;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.SampleWarehouse;
import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.contract.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's comments follow its schema file, also after the table was created. */
class TestTableComments {
  @TempDir Path dir;
  final SparkSession spark = TestSpark.session();

  static TableSchema schema(String description, String yearComment) {
    return Tables.table(
        "ops.commented",
        description,
        "one row per year.",
        List.of("year"),
        List.of("year"),
        List.of(
            Tables.column("year", "int", false, yearComment),
            Tables.column("amount_usd", "decimal(32,2)", true, "USD, nominal.")),
        null);
  }

  @Test
  void aChangedDescriptionOrColumnCommentReachesTheTableAndAnUnchangedOneWritesNothing() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    w.ensure(schema("Amounts per year.", "Calendar year."));
    long created = w.version("ops", "commented");
    w.ensure(schema("Amounts per year.", "Calendar year."));
    assertThat(w.version("ops", "commented")).isEqualTo(created);

    w.ensure(schema("Amounts per year, it's USD.", "Calendar year (UTC)."));
    assertThat(spark.sql("DESCRIBE DETAIL ops.commented").first().<String>getAs("description"))
        .isEqualTo("Amounts per year, it's USD. Grain: one row per year.");
    assertThat(
            spark.sql("DESCRIBE TABLE ops.commented").collectAsList().stream()
                .filter(r -> !r.getString(0).startsWith("#"))
                .map(r -> r.getString(0) + ": " + r.getString(2))
                .distinct()
                .toList())
        .containsExactly("year: Calendar year (UTC).", "amount_usd: USD, nominal.");
  }

  @Test
  void everySilverGoldRefAndOpsTableOfTheSampleCarriesItsSchemaFilesComments() {
    Warehouse w = new Warehouse(spark, SampleWarehouse.get().toUri().toString());
    w.registerAll();
    List<TableSchema> tables = Schemas.load(TestPaths.schemas()).tables();
    assertThat(tables.stream().map(TableSchema::layer).distinct())
        .containsExactlyInAnyOrder("silver", "gold", "ref", "ops");
    for (TableSchema t : tables) {
      Row detail = spark.sql("DESCRIBE DETAIL " + t.table()).first();
      assertThat(detail.<String>getAs("description")).as(t.table()).isEqualTo(t.comment());
      Map<String, String> comments =
          spark.sql("DESCRIBE TABLE EXTENDED " + t.table()).collectAsList().stream()
              .takeWhile(r -> !r.getString(0).isEmpty() && !r.getString(0).startsWith("#"))
              .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(2)));
      Map<String, String> expected =
          t.columns().stream().collect(Collectors.toMap(c -> c.name(), c -> c.comment()));
      assertThat(comments).as(t.table()).isEqualTo(expected);
    }
  }
}
