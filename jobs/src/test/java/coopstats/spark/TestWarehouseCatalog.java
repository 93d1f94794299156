package coopstats.spark;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.SampleWarehouse;
import coopstats.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/**
 * A SQL statement registers the tables it reads and no others, so that {@code sql} reads the Delta
 * logs of a query's own tables; a statement that is not a plain query gets every table.
 */
class TestWarehouseCatalog {
  final SparkSession spark = TestSpark.session();
  @TempDir Path dir;

  @Test
  void aQueryReadsTheTablesItNamesInItsCtesJoinsAndSubqueries() {
    assertThat(read("SELECT 1")).contains(Set.of());
    assertThat(
            read(
                "WITH t AS (SELECT * FROM gold.fund_yearly) SELECT * FROM t JOIN silver.fund f"
                    + " ON t.year = f.year WHERE f.year IN (SELECT year FROM gold.training_yearly)"
                    + " AND EXISTS (SELECT 1 FROM ref.country)"))
        .contains(
            Set.of(
                List.of("gold", "fund_yearly"),
                List.of("silver", "fund"),
                List.of("gold", "training_yearly"),
                List.of("ref", "country")));
    assertThat(read("SELECT (SELECT max(year) FROM ops.runs) AS y"))
        .contains(Set.of(List.of("ops", "runs")));
  }

  @Test
  void aStatementThatIsNotAPlainQueryNeedsEveryTable() {
    for (String sql :
        List.of(
            "SHOW TABLES IN gold",
            "DESCRIBE gold.fund_yearly",
            "EXPLAIN SELECT * FROM gold.fund_yearly",
            "SELECT * FROM fund_yearly",
            "SELECT * FROM elsewhere.fund_yearly",
            "SELECT * FROM spark_catalog.gold.fund_yearly",
            "SELEC 1")) {
      assertThat(read(sql)).as(sql).isEmpty();
    }
  }

  @Test
  void aQueryRegistersItsOwnTablesOnly() throws IOException {
    Path copy = dir.resolve("warehouse");
    copyTree(SampleWarehouse.get(), copy);
    Warehouse sample = warehouse(SampleWarehouse.get());
    Warehouse copied = warehouse(copy);
    sample.registerAll();
    try {
      copied.registerFor("SELECT count(*) FROM gold.fund_yearly");
      assertThat(location("gold", "fund_yearly")).isEqualTo(copied.path("gold", "fund_yearly"));
      assertThat(location("gold", "training_yearly"))
          .isEqualTo(sample.path("gold", "training_yearly"));

      copied.registerFor("SHOW TABLES IN gold");
      assertThat(location("gold", "training_yearly"))
          .isEqualTo(copied.path("gold", "training_yearly"));
    } finally {
      sample.registerAll();
    }
  }

  private Optional<Set<List<String>>> read(String sql) {
    return WarehouseCatalog.tablesRead(spark, sql).map(Set::copyOf);
  }

  private Warehouse warehouse(Path root) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(root.toUri());
    return new Warehouse(
        spark,
        p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString());
  }

  private String location(String layer, String table) {
    try {
      return new org.apache.hadoop.fs.Path(
              spark
                  .sessionState()
                  .catalog()
                  .getTableMetadata(new TableIdentifier(table, Option.apply(layer)))
                  .location())
          .toString();
    } catch (Exception e) {
      throw new AssertionError(layer + "." + table + " is not registered", e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
