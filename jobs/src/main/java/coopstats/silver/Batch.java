package coopstats.silver;

import coopstats.contract.TableSchema;
import coopstats.spark.MergedRows;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * One kind's new rows in a silver build: parsed (with the rules' marks), the valid ones ranked by
 * key ({@code repeatedKeys} of whose keys come more than once), the snapshot sources whose earlier
 * rows they replace, and what the build holds in memory for them.
 */
record Batch(
    String kind,
    TableSchema silver,
    Dataset<Row> parsed,
    Dataset<Row> ranked,
    long repeatedKeys,
    Set<String> replaced,
    List<Dataset<Row>> cached) {

  /** The ranked rows that reach silver. */
  Dataset<Row> kept() {
    return ranked.filter(functions.col("q_status").equalTo("kept"));
  }

  /**
   * What writing a batch left: the rows its merge added and removed (null for a rebuild or an
   * unchanged table), its rows for quarantine, and the snapshot sources it replaced.
   */
  record Written(MergedRows merged, List<Dataset<Row>> quarantined, Set<String> replaced) {}
}
