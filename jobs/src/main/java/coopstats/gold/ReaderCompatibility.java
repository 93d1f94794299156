package coopstats.gold;

import coopstats.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.TableFeature;
import org.apache.spark.sql.delta.actions.Protocol;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The gate that keeps gold readable by readers other than Spark (Delta Kernel, delta-rs, DuckDB,
 * Trino, Power BI): a gold table may need only Delta's reader version 1, so no deletion vectors, no
 * column mapping and no v2 checkpoints. A table that has acquired one, for example through an
 * {@code ALTER TABLE} by hand, stops the run before anything is published.
 */
final class ReaderCompatibility {
  /** The reader features that break common readers, with what each is called for people. */
  private static final Map<String, String> FORBIDDEN =
      Map.of(
          "deletionVectors", "deletion vectors",
          "columnMapping", "column mapping",
          "v2Checkpoint", "v2 checkpoints");

  private ReaderCompatibility() {}

  /** Fails with exit 65 when the Delta table at {@code path} needs more than reader version 1. */
  static void check(SparkSession spark, String table, String path) {
    List<String> problems = problems(spark, path);
    if (!problems.isEmpty()) {
      throw Errors.goldNotReadable(table, path, String.join("; ", problems));
    }
  }

  /**
   * What makes the table unreadable to a reader of Delta's reader version 1; empty when nothing.
   */
  static List<String> problems(SparkSession spark, String path) {
    // From the log (its checksum file when there is one): no query runs.
    Snapshot snapshot =
        DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty());
    Protocol protocol = snapshot.protocol();
    int reader = protocol.minReaderVersion();
    List<String> features =
        CollectionConverters.asJava(protocol.implicitlyAndExplicitlySupportedFeatures()).stream()
            .map(TableFeature::name)
            .sorted()
            .toList();
    Map<String, String> properties =
        CollectionConverters.asJava(snapshot.metadata().configuration());
    List<String> problems = new ArrayList<>();
    FORBIDDEN.forEach(
        (feature, name) -> {
          if (features.contains(feature)) {
            problems.add(name + " (Delta table feature " + feature + ")");
          }
        });
    if ("true".equals(properties.get("delta.enableDeletionVectors"))
        && !features.contains("deletionVectors")) {
      problems.add("deletion vectors (table property delta.enableDeletionVectors = true)");
    }
    if (reader > 1 && problems.isEmpty()) {
      problems.add(
          "minReaderVersion " + reader + " (features: " + String.join(", ", features) + ")");
    }
    problems.sort(String::compareTo);
    return problems;
  }
}
