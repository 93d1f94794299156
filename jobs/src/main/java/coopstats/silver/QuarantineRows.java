package coopstats.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import coopstats.contract.Lineage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows of {@code silver.quarantine}, made from the rows of one kind that silver does not keep. */
final class QuarantineRows {
  private QuarantineRows() {}

  /**
   * The rows a run parsed and did not keep: those it rejected ({@code q_rule} set by the parser or
   * a rule) and those another row of their key displaced, with their lineage and text.
   */
  static Dataset<Row> fromParsed(Dataset<Row> rejected, String kind) {
    return rejected.select(
        col("q_source").as("source"),
        lit(kind).as("kind"),
        col("q_file").as("file"),
        col("q_line").as("line"),
        col("q_raw").as("raw"),
        col("q_rule").as("rule"),
        col("q_reason").as("reason"),
        col("q_run_id").as("run_id"));
  }

  /**
   * Silver rows that a later delivery of their key replaced, from their lineage and the {@code
   * reason} naming the row that replaced them. Their text is not in silver: {@code raw} is null
   * until it is read from bronze.
   */
  static Dataset<Row> fromSuperseded(Dataset<Row> replaced, String kind) {
    return replaced.select(
        col("source"),
        lit(kind).as("kind"),
        col(Lineage.FILE).as("file"),
        col(Lineage.LINE).as("line"),
        lit(null).cast("string").as("raw"),
        lit("superseded").as("rule"),
        col("reason"),
        col(Lineage.RUN_ID).as("run_id"));
  }
}
