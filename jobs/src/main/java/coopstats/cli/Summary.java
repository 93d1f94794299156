package coopstats.cli;

import coopstats.Redact;
import coopstats.run.RunResult;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The short report {@code coopstats run} prints: where the tables are and what gold says. */
final class Summary {
  private Summary() {}

  static void print(PrintWriter out, SparkSession spark, Warehouse warehouse, RunResult r) {
    out.printf("coopstats run %s%n", r.runId());
    out.printf("  warehouse   %s%n", Redact.userInfo(warehouse.root()));
    out.printf("  spark       %s%n", spark.sparkContext().master());
    if (r.noop()) {
      out.println("  nothing new: no new landing rows and no change to schemas/; no table changed");
      out.flush();
      return;
    }
    counts(out, r);
    gold(out, spark);
    out.println();
    out.println(
        "Query the tables with: bin/coopstats sql \"SELECT * FROM gold.investment_share_yearly\"");
    out.flush();
  }

  /** What the run read, and where every delivered row is. */
  private static void counts(PrintWriter out, RunResult r) {
    out.printf(
        "  this run    %d rows read from %d new file(s)%n",
        r.rowsRead().values().stream().mapToLong(Long::longValue).sum(),
        r.filesRead().values().stream().mapToLong(Long::longValue).sum());
    r.redelivered()
        .forEach(
            file ->
                out.printf(
                    "  redelivered %s: new content under a name read before, read as a new"
                        + " delivery%n",
                    file));
    out.printf(
        "  all files   %d delivered: %d in silver, %d in silver.quarantine%n",
        r.delivered(), r.silver(), r.quarantined());
    r.extraColumns()
        .forEach(
            (file, columns) ->
                out.printf(
                    "  extra       %s: columns %s kept in bronze _rescued%n", file, columns));
    r.rejected().forEach(f -> out.printf("  rejected    %s%n", f));
  }

  /** The headline statistics, from gold, per series. */
  private static void gold(PrintWriter out, SparkSession spark) {
    out.println();
    out.println(
        "Belt and Road partners' share of outbound investment (gold.investment_share_yearly):");
    table(
        out,
        spark
            .sql(
                "SELECT series, year, round(amount_usd / 1000000, 1) AS partner_usd_m,"
                    + " round(total_usd / 1000000, 1) AS total_usd_m, round(share * 100, 1) AS share_pct"
                    + " FROM gold.investment_share_yearly WHERE group_type = 'country_group'"
                    + " AND group_key = 'belt_and_road' ORDER BY series, year")
            .collectAsList(),
        "series",
        "year",
        "partner USD m",
        "total USD m",
        "share %");
    out.println();
    out.println(
        "Technology ratio, all countries (gold.tech_investment_ratio_yearly), latest three years:");
    table(
        out,
        spark
            .sql(
                "SELECT series, year, flow, round(tech_ratio * 100, 1) FROM (SELECT *,"
                    + " dense_rank() OVER (PARTITION BY series ORDER BY year DESC) AS latest"
                    + " FROM gold.tech_investment_ratio_yearly WHERE group_type = 'all')"
                    + " WHERE latest <= 3 ORDER BY series, year DESC, flow")
            .collectAsList(),
        "series",
        "year",
        "flow",
        "tech %");
    out.println();
    out.println("Programmes to date (gold.program_roi_yearly, latest year of each):");
    table(
        out,
        spark
            .sql(
                "SELECT series, program, year, round(cum_cost_usd / 1000000, 2), round(cum_roi, 2),"
                    + " cum_participants FROM (SELECT *, row_number() OVER (PARTITION BY series, program"
                    + " ORDER BY year DESC) AS n FROM gold.program_roi_yearly) WHERE n = 1"
                    + " ORDER BY series, program")
            .collectAsList(),
        "series",
        "program",
        "year",
        "cost USD m",
        "ROI",
        "participants");
  }

  private static void table(PrintWriter out, List<Row> rows, String... headers) {
    new TableFormat(List.of(headers), rows).print(out);
  }
}
