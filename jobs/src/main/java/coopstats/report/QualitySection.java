package coopstats.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The latest successful run (ops.runs) and the rows its quarantine rules caught (ops.quality). */
final class QualitySection {
  static final String TITLE = "Data quality of the latest run";
  static final List<String> HEADER = List.of("table", "rule", "rows in quarantine");

  private QualitySection() {}

  static Section of(SparkSession spark) {
    List<Row> runs =
        spark
            .sql(
                "SELECT run_id, coalesce(CAST(logical_date AS STRING), ''),"
                    + " CAST(started_at AS STRING), mode FROM ops.runs WHERE status = 'success'"
                    + " ORDER BY started_at DESC LIMIT 1")
            .collectAsList();
    if (runs.isEmpty()) {
      return new Section(
          "quality", TITLE, Html.p("No successful run yet: run coopstats run, then this report."));
    }
    Row run = runs.get(0);
    List<List<String>> rows = new ArrayList<>();
    long total = 0;
    for (Row r :
        spark
            .table("ops.quality")
            .where(col("run_id").equalTo(run.getString(0)))
            .where("action = 'quarantine' AND rows > 0")
            .orderBy(col("rows").desc(), col("table_name"), col("rule"))
            .select("table_name", "rule", "rows")
            .collectAsList()) {
      rows.add(List.of(r.getString(0), r.getString(1), String.valueOf(r.getLong(2))));
      total += r.getLong(2);
    }
    String html =
        Html.table(
                "quality-run",
                List.of("run id", "logical date", "started (UTC)", "mode"),
                List.of(
                    List.of(
                        run.getString(0),
                        run.getString(1),
                        run.getString(2),
                        run.isNullAt(3) ? "" : run.getString(3))))
            + Html.p(
                total
                    + " row(s) in silver.quarantine after this run, by the rule that caught them;"
                    + " rules that caught nothing are not listed. silver.quarantine has each row"
                    + " with its file, line and reason.")
            + Html.table("quality-rules", HEADER, rows);
    return new Section("quality", TITLE, html);
  }
}
