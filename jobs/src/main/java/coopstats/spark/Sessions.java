package coopstats.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session. The master is never hard-coded: {@code --master}, then {@code
 * spark-submit}'s {@code spark.master}, then {@code local[*]}. Settings a user passes with {@code
 * --conf} or {@code -Dspark.*} win over the small-data defaults set here.
 */
public final class Sessions {
  private Sessions() {}

  public static SparkSession getOrCreate(String master, String warehouseRoot) {
    SparkSession active =
        SparkSession.getActiveSession()
            .getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
    if (active != null) {
      return active;
    }
    SparkConf conf = new SparkConf();
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setAppName(conf.get("spark.app.name", "coopstats"));
    conf.set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    int cores = Runtime.getRuntime().availableProcessors();
    setDefault(conf, "spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2)));
    setDefault(conf, "spark.databricks.delta.snapshotPartitions", "2");
    setDefault(conf, "spark.sql.session.timeZone", "UTC");
    setDefault(conf, "spark.sql.warehouse.dir", warehouseRoot + "/_catalog");
    setDefault(conf, "spark.databricks.delta.properties.defaults.enableDeletionVectors", "false");
    if (conf.get("spark.master").startsWith("local")) {
      setDefault(conf, "spark.ui.enabled", "false");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  private static void setDefault(SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      conf.set(key, value);
    }
  }
}
