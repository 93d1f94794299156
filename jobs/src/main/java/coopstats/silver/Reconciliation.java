package coopstats.silver;

import static org.apache.spark.sql.functions.col;

import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Accounts for every delivered row, per file, from the tables as written: rows delivered = rows in
 * silver + rows in quarantine. A snapshot source counts its latest delivery only.
 */
public final class Reconciliation {
  /** The accounting of one delivered file. */
  public record FileCount(
      String source, String file, long delivered, long silver, long quarantined) {
    public boolean balanced() {
      return delivered == silver + quarantined;
    }
  }

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  Reconciliation(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  List<FileCount> count(Map<String, SourceProfile> sources) {
    Map<String, long[]> byFile = new TreeMap<>();
    for (SourceProfile p : sources.values()) {
      if (warehouse.exists("bronze", p.source())) {
        add(
            byFile,
            SilverJob.activeBronze(spark, warehouse, p)
                .groupBy(col("_source"), col("_file"))
                .agg(functions.count("*")),
            0);
      }
    }
    for (LandingContract c : schemas.contracts().values()) {
      String[] name = c.silverTable().split("\\.");
      if (warehouse.exists(name[0], name[1])) {
        add(
            byFile,
            table(name[1]).groupBy(col("source"), col("_file")).agg(functions.count("*")),
            1);
      }
    }
    if (warehouse.exists("silver", "quarantine")) {
      add(
          byFile,
          table("quarantine").groupBy(col("source"), col("file")).agg(functions.count("*")),
          2);
    }
    List<FileCount> out = new ArrayList<>();
    byFile.forEach(
        (k, v) -> {
          String[] sf = k.split("\u0000", 2);
          out.add(new FileCount(sf[0], sf[1], v[0], v[1], v[2]));
        });
    return out;
  }

  private Dataset<Row> table(String name) {
    return spark.read().format("delta").load(warehouse.path("silver", name));
  }

  private static void add(Map<String, long[]> byFile, Dataset<Row> counts, int slot) {
    for (Row r : counts.collectAsList()) {
      byFile.computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1), k -> new long[3])[slot] +=
          r.getLong(2);
    }
  }
}
