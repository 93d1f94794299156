package coopstats.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import coopstats.contract.Lineage;
import coopstats.contract.TableSchema;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows of {@code silver.quarantine}, made from the rows of one kind that silver does not keep. */
final class QuarantineRows {
  private QuarantineRows() {}

  /**
   * The rows a run parsed and did not keep: those it rejected ({@code q_rule} set by the parser or
   * a rule) and those another row of their key displaced, with their lineage and text.
   */
  static Dataset<Row> fromParsed(Dataset<Row> rejected, String kind, TableSchema quarantine) {
    return rejected.select(
        quarantine.columns(
            Map.of(
                "source", col("q_source"),
                "series", col("q_series"),
                "kind", lit(kind),
                "file", col("q_file"),
                "sheet", col("q_sheet"),
                "line", col("q_line"),
                "raw", col("q_raw"),
                "rule", col("q_rule"),
                "reason", col("q_reason"),
                "run_id", col("q_run_id"))));
  }

  /**
   * Silver rows that a later delivery of their key replaced, from their lineage and the {@code
   * reason} naming the row that replaced them. Their text is not in silver: {@code raw} is null
   * until it is read from bronze.
   */
  static Dataset<Row> fromSuperseded(Dataset<Row> replaced, String kind, TableSchema quarantine) {
    return replaced.select(
        quarantine.columns(
            Map.of(
                "source", col("source"),
                "series", col("series"),
                "kind", lit(kind),
                "file", col(Lineage.FILE),
                "sheet", col(Lineage.SHEET),
                "line", col(Lineage.LINE),
                "raw", lit(null).cast("string"),
                "rule", lit(RowRejected.SUPERSEDED),
                "reason", col("reason"),
                "run_id", col(Lineage.RUN_ID))));
  }
}
