package coopstats.report;

import static org.apache.spark.sql.functions.col;

import coopstats.contract.RunStatus;
import coopstats.ops.RunLog;
import coopstats.ops.RunRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The latest successful run (ops.runs) and the rows its quarantine rules caught (ops.quality). */
final class QualitySection {
  static final String TITLE = "Data quality of the latest run";
  static final List<String> HEADER = List.of("table", "rule", "rows in quarantine");

  private static final DateTimeFormatter STARTED =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter();

  private QualitySection() {}

  static Section of(SparkSession spark) {
    List<RunRecord> runs = RunLog.latest(spark.table("ops.runs"), 1, List.of(RunStatus.SUCCESS));
    if (runs.isEmpty()) {
      return new Section(
          "quality", TITLE, Html.p("No successful run yet: run coopstats run, then this report."));
    }
    RunRecord run = runs.get(0);
    List<List<String>> rows = new ArrayList<>();
    long total = 0;
    for (Row r :
        spark
            .table("ops.quality")
            .where(col("run_id").equalTo(run.runId()))
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
                        run.runId(),
                        run.logicalDate() == null ? "" : run.logicalDate().toString(),
                        started(spark, run.startedAt()),
                        run.mode() == null ? "" : run.mode().value())))
            + Html.p(
                total
                    + " row(s) in silver.quarantine after this run, by the rule that caught them;"
                    + " rules that caught nothing are not listed. silver.quarantine has each row"
                    + " with its file, line and reason.")
            + Html.table("quality-rules", HEADER, rows);
    return new Section("quality", TITLE, html);
  }

  /** A time as Spark writes a timestamp as text: seconds, then as many digits as it needs. */
  private static String started(SparkSession spark, Instant at) {
    return STARTED.withZone(ZoneId.of(spark.conf().get("spark.sql.session.timeZone"))).format(at);
  }
}
