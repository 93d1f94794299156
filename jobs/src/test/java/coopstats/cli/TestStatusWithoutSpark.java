package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.SampleWarehouse;
import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.GoldQuery;
import coopstats.contract.Schemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code coopstats status} on the sample warehouse, read with Delta Kernel: it prints exactly what
 * Spark reads from ops.runs, ops.quality and the gold sums tables, as a table or as JSON, and
 * starts no Spark session.
 */
class TestStatusWithoutSpark {
  static final ObjectMapper JSON = new ObjectMapper();
  final Schemas schemas = Schemas.load(TestPaths.schemas());
  final String root = SampleWarehouse.get().toUri().toString();

  @Test
  void theTableIsWhatSparkReads() {
    String latest = latestSuccess();
    StringWriter expected = new StringWriter();
    PrintWriter out = new PrintWriter(expected);
    out.println("Latest runs (ops.runs):");
    table(
        out,
        List.of(
            "run_id",
            "date",
            "status",
            "mode",
            "exit",
            "seconds",
            "new files",
            "rows read",
            "silver",
            "quarantine",
            "reconciliation",
            "message"),
        "SELECT run_id, coalesce(logical_date, to_date(started_at)), status, mode, exit_code,"
            + " CAST(unix_millis(ended_at) - unix_millis(started_at) AS DOUBLE) / 1000,"
            + total("files_read")
            + total("rows_read")
            + total("rows_silver")
            + total("rows_quarantine")
            + " reconciliation, message FROM "
            + table("ops", "runs")
            + " ORDER BY started_at DESC LIMIT 10");
    out.println();
    out.println("Data quality of the latest successful run, " + latest + " (ops.quality):");
    table(
        out,
        List.of("table", "rule", "action", "rows"),
        "SELECT table_name, rule, action, rows FROM "
            + table("ops", "quality")
            + " WHERE run_id = '"
            + latest
            + "' ORDER BY table_name, rule");
    out.println();
    out.println("Series in gold (each figure is computed within one series):");
    table(
        out,
        List.of("series", "table", "first year", "last year", "records"),
        seriesQuery() + " ORDER BY series, table");
    out.flush();

    String status = status("status");

    assertThat(status).contains("| quarantine |").isEqualTo(expected.toString());
  }

  @Test
  void jsonHoldsTheRunsQualityAndSeriesUnderTheirColumnNames() throws Exception {
    String latest = latestSuccess();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put(
        "runs", objects("SELECT * FROM " + table("ops", "runs") + " ORDER BY started_at DESC"));
    expected.put(
        "quality",
        objects(
            "SELECT * FROM "
                + table("ops", "quality")
                + " WHERE run_id = '"
                + latest
                + "' ORDER BY table_name, rule"));
    expected.put("series", objects(seriesQuery() + " ORDER BY series, table"));

    JsonNode status = JSON.readTree(status("status", "--format", "json"));

    assertThat(status).isEqualTo(JSON.readTree(JSON.writeValueAsString(expected)));
    List<String> fields = new ArrayList<>();
    status.get("runs").get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).isEqualTo(schemas.table("ops.runs").columnNames());
    fields.clear();
    status.get("quality").get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).isEqualTo(schemas.table("ops.quality").columnNames());
    assertThat(status.get("quality")).isNotEmpty();
    assertThat(status.get("series")).isNotEmpty();
  }

  /**
   * Runs status with no Spark session active or default, as a fresh process would: were it to ask
   * for one (WarehouseOptions.existingSession), Spark would make a new default session, seen here.
   */
  private String status(String... args) {
    SparkSession shared = TestSpark.session();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
    try {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--warehouse", root, "--schemas", TestPaths.schemas().toString()));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
      assertThat(SparkSession.getActiveSession().isEmpty()).as("an active session").isTrue();
      assertThat(SparkSession.getDefaultSession().isEmpty()).as("a default session").isTrue();
      return out.toString();
    } finally {
      SparkSession.setDefaultSession(shared);
      SparkSession.setActiveSession(shared);
    }
  }

  private String latestSuccess() {
    return sql("SELECT run_id FROM "
            + table("ops", "runs")
            + " WHERE status = 'success' ORDER BY started_at DESC LIMIT 1")
        .get(0)
        .getString(0);
  }

  private String seriesQuery() {
    List<String> per = new ArrayList<>();
    for (GoldQuery q : schemas.goldQueries()) {
      if (q.kind() == GoldQuery.Kind.SUMS) {
        per.add(
            "SELECT series, '"
                + q.table()
                + "' AS table, min(year) AS first_year, max(year) AS last_year,"
                + " sum(records) AS records FROM "
                + table("gold", q.name())
                + " GROUP BY series");
      }
    }
    return "SELECT * FROM (" + String.join(" UNION ALL ", per) + ")";
  }

  private static String total(String column) {
    return " aggregate(map_values(" + column + "), 0L, (a, b) -> a + b),";
  }

  private String table(String layer, String name) {
    return "delta.`" + root + layer + "/" + name + "`";
  }

  private static List<Row> sql(String query) {
    return TestSpark.session().sql(query).collectAsList();
  }

  private static void table(PrintWriter out, List<String> headers, String query) {
    new TableFormat(headers, sql(query)).print(out);
  }

  /** The rows as JSON objects: dates as 2026-11-20, timestamps as ISO instants, maps as objects. */
  private static List<Map<String, Object>> objects(String query) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : sql(query)) {
      Map<String, Object> o = new LinkedHashMap<>();
      for (String f : r.schema().fieldNames()) {
        Object v = r.getAs(f);
        o.put(
            f,
            v instanceof Timestamp t
                ? t.toInstant().toString()
                : v instanceof Date d ? d.toLocalDate().toString() : Values.plain(v));
      }
      out.add(o);
    }
    return out;
  }
}
