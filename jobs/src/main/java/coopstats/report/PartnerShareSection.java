package coopstats.report;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The Belt and Road partners' share of outbound investment by year, and year-on-year change. */
final class PartnerShareSection {
  static final String TITLE = "Belt and Road partner share of outbound investment";
  static final String CHANGE_TITLE = "Year-on-year change in outbound investment";
  static final String PARTNERS = "Belt and Road partners";
  static final String ALL = "All countries";

  private PartnerShareSection() {}

  static Section of(SparkSession spark) {
    List<Row> rows =
        spark
            .sql(
                "SELECT year, group_type, share * 100 AS share_pct, yoy_growth * 100 AS yoy_pct,"
                    + " series FROM gold.investment_share_yearly"
                    + " WHERE (group_type = 'country_group' AND group_key = 'belt_and_road')"
                    + " OR group_type = 'all' ORDER BY series, year, group_type")
            .collectAsList();
    SeriesLabels labels = new SeriesLabels(rows, 4);
    DefaultCategoryDataset share = new DefaultCategoryDataset();
    DefaultCategoryDataset change = new DefaultCategoryDataset();
    for (Row r : rows) {
      String year = String.valueOf(r.getInt(0));
      boolean partners = !r.getString(1).equals("all");
      if (partners) {
        share.addValue(number(r, 2), labels.of(PARTNERS, r.getString(4)), year);
      }
      change.addValue(number(r, 3), labels.of(partners ? PARTNERS : ALL, r.getString(4)), year);
    }
    String html =
        Html.p(
                "The part of each year's outbound investment that went to countries whose Belt and"
                    + " Road agreement was in force at the time (gold.investment_share_yearly).")
            + Svg.of(
                "partner-share-chart",
                Charts.line(TITLE, "Year", "Share of the year's total (%)", share, false))
            + Html.p(
                "Growth against the previous calendar year; a year without a bar had no"
                    + " investment the year before.")
            + Svg.of(
                "partner-change-chart",
                Charts.bar(
                    CHANGE_TITLE, "Year", "Change (%)", change, false, PlotOrientation.VERTICAL));
    return new Section("partner-share", TITLE, html);
  }

  static Double number(Row r, int i) {
    return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
  }
}
