package coopstats.silver;

import static org.apache.spark.sql.functions.col;

import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How silver's tables and quarantine are written: whole on a rebuild, by MERGE on a night. */
final class SilverWrites {
  private static final Logger LOG = LoggerFactory.getLogger(SilverWrites.class);

  private final SparkSession spark;
  private final Warehouse warehouse;

  SilverWrites(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Replaces the table's rows with {@code rows}, in one commit. */
  void overwrite(Dataset<Row> rows, TableSchema table) {
    warehouse.overwrite(rows, table);
  }

  /**
   * One MERGE into a silver table (or quarantine): rows replace the rows of their key or are
   * inserted, and the rows of replaced snapshot sources that the new release does not deliver again
   * are deleted.
   */
  void merge(Dataset<Row> rows, TableSchema table, Set<String> replaced) {
    Column on =
        table.key().stream()
            // Null-safe: quarantine's sheet is null outside workbooks.
            .map(k -> col("t." + k).eqNullSafe(col("s." + k)))
            .reduce(Column::and)
            .orElseThrow();
    var merge =
        warehouse
            .deltaTable(table)
            .as("t")
            .merge(rows.select(Warehouse.columnsOf(rows, table)).as("s"), on)
            .whenMatched()
            .updateAll()
            .whenNotMatched()
            .insertAll();
    if (!replaced.isEmpty()) {
      merge = merge.whenNotMatchedBySource(col("t.source").isin(replaced.toArray())).delete();
    }
    merge.execute();
  }

  /**
   * Writes the build's quarantine rows: on a rebuild they replace quarantine's (when there are
   * any); on a night see {@link #addToQuarantine}.
   */
  void quarantine(
      List<Dataset<Row>> rows, Set<String> replaced, boolean rebuild, TableSchema quarantine) {
    if (!rebuild) {
      addToQuarantine(rows, replaced, quarantine);
    } else if (!rows.isEmpty()) {
      overwrite(rows.stream().reduce(Dataset::unionByName).orElseThrow(), quarantine);
    }
  }

  /**
   * A night's quarantine rows: appended when they are all new, merged when a snapshot source's new
   * release replaces the rows its earlier one quarantined ({@code replaced}).
   */
  void addToQuarantine(List<Dataset<Row>> rows, Set<String> replaced, TableSchema quarantine) {
    Dataset<Row> all = rows.stream().reduce(Dataset::unionByName).orElse(null);
    if (all != null) {
      // Computed once: the emptiness check and the write would otherwise each read bronze again
      // for the displaced rows' text.
      all = all.localCheckpoint();
    }
    if (replaced.isEmpty() && (all == null || all.isEmpty())) {
      LOG.info("silver.quarantine: unchanged");
      return;
    }
    if (replaced.isEmpty()) {
      // Every row is new to quarantine: it comes from a file no run has read, or from a silver row
      // (a row is in silver or in quarantine, never both), so nothing needs matching.
      warehouse.append(all, quarantine);
      LOG.info("silver.quarantine: appended");
      return;
    }
    merge(
        all != null ? all : spark.createDataFrame(List.of(), quarantine.sparkSchema()),
        quarantine,
        replaced);
    LOG.info("silver.quarantine: merged");
  }
}
