package coopstats.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Each programme's return on investment, by year and to date, and its outcomes to date. */
final class ProgramRoiSection {
  static final String TITLE = "Programme ROI and outcomes";
  static final String YEARLY_TITLE = "ROI per programme and year";
  static final String TO_DATE_TITLE = "ROI per programme to date";
  static final String TO_DATE_SERIES = "ROI to date";
  static final List<String> HEADER =
      List.of(
          "programme",
          "years",
          "cost to date (USD m)",
          "return to date (USD m)",
          "ROI to date (%)",
          "participants",
          "jobs",
          "start-ups",
          "papers",
          "patents");

  private ProgramRoiSection() {}

  static Section of(SparkSession spark) {
    List<Row> rows =
        spark
            .sql(
                "SELECT coalesce(program_name, program), year, roi * 100, series"
                    + " FROM gold.program_roi_yearly ORDER BY year, series, program")
            .collectAsList();
    // Each programme's latest year carries its totals to date.
    List<Row> latest =
        spark
            .sql(
                "SELECT coalesce(program_name, program), concat(first_year, '–', year),"
                    + " cum_cost_usd / 1e6, cum_return_usd / 1e6, cum_roi * 100, cum_participants,"
                    + " cum_jobs, cum_startups, cum_papers, cum_patents, series FROM ("
                    + " SELECT *, min(year) OVER (PARTITION BY series, program) AS first_year,"
                    + " row_number() OVER (PARTITION BY series, program ORDER BY year DESC) AS n"
                    + " FROM gold.program_roi_yearly) WHERE n = 1 ORDER BY series, program")
            .collectAsList();
    SeriesLabels latestLabels = new SeriesLabels(latest, 10);
    DefaultCategoryDataset toDate = new DefaultCategoryDataset();
    List<List<String>> table = new ArrayList<>();
    for (Row r : latest) {
      String programme = latestLabels.of(r.getString(0), r.getString(10));
      toDate.addValue(PartnerShareSection.number(r, 4), TO_DATE_SERIES, programme);
      List<String> cells = new ArrayList<>();
      cells.add(programme);
      for (int i = 1; i < 10; i++) {
        cells.add(cell(r, i));
      }
      table.add(cells);
    }
    String html =
        Html.p(
                "ROI = (return − cost) ÷ cost (gold.program_roi_yearly). Cost is training cost,"
                    + " joint-lab funding and fund disbursements; return is start-up revenue and fund"
                    + " returns. A programme that reports no return has no ROI.")
            + Html.p(
                "The ROI axes are on a symmetric log scale: each step from 10 % to 100 % to"
                    + " 1,000 % is as long, on both sides of 0, so that a programme losing most of"
                    + " its cost and one returning many times it read on the same chart.")
            + Svg.of("roi-yearly-chart", yearlyChart(rows))
            + Svg.of(
                "roi-to-date-chart",
                Charts.bar(
                    TO_DATE_TITLE,
                    "Programme",
                    "ROI to date (%, symmetric log scale)",
                    toDate,
                    true,
                    PlotOrientation.HORIZONTAL))
            + Html.p("Outcomes from each programme's first year to its latest.")
            + Html.table("roi-outcomes", HEADER, table);
    return new Section("program-roi", TITLE, html);
  }

  /**
   * One line per programme (and series) over the years, on a symmetric log scale; {@code rows} are
   * programme, year, ROI in percent (null when the programme reports no return) and series.
   */
  static JFreeChart yearlyChart(List<Row> rows) {
    SeriesLabels labels = new SeriesLabels(rows, 3);
    DefaultCategoryDataset yearly = new DefaultCategoryDataset();
    for (Row r : rows) {
      yearly.addValue(
          PartnerShareSection.number(r, 2),
          labels.of(r.getString(0), r.getString(3)),
          String.valueOf(r.getInt(1)));
    }
    return Charts.line(YEARLY_TITLE, "Year", "ROI (%, symmetric log scale)", yearly, true);
  }

  private static String cell(Row r, int i) {
    if (r.isNullAt(i)) {
      return "";
    }
    Object v = r.get(i);
    if (v instanceof Double || v instanceof java.math.BigDecimal) {
      return String.format(java.util.Locale.ROOT, "%,.1f", ((Number) v).doubleValue());
    }
    return v instanceof Long n ? String.format(java.util.Locale.ROOT, "%,d", n) : v.toString();
  }
}
