package coopstats;

import org.apache.spark.sql.SparkSession;

/** The one Spark session all tests share: local[2], one shuffle partition, no UI. */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("coopstats-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "1")
              .config("spark.databricks.delta.snapshotPartitions", "1")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .config("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false")
              .getOrCreate();
    }
    SparkSession.setActiveSession(session);
    return session;
  }
}
