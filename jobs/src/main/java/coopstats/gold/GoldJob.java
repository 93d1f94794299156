package coopstats.gold;

import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes each gold table from silver and ref with its SQL file, and publishes it in one commit.
 */
public final class GoldJob {
  private static final Logger LOG = LoggerFactory.getLogger(GoldJob.class);
  public static final List<String> TABLES =
      List.of("investment_share_yearly", "tech_investment_ratio_yearly", "program_roi_yearly");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  public GoldJob(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  public void build() {
    for (String table : TABLES) {
      TableSchema schema = schemas.table("gold." + table);
      warehouse.overwrite(compute(table), schema);
      LOG.info("gold.{}: published", table);
    }
  }

  /** The rows of a gold table, computed from the silver and ref tables in the catalog. */
  public Dataset<Row> compute(String table) {
    return spark.sql(sql(table));
  }

  /** The SQL of every gold table, for the run's fingerprint. */
  public static List<String> sqlTexts() {
    return TABLES.stream().map(GoldJob::sql).toList();
  }

  static String sql(String table) {
    String resource = "/sql/gold/" + table + ".sql";
    try (InputStream in = GoldJob.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
