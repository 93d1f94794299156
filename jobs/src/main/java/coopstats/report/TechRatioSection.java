package coopstats.report;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jfree.data.category.DefaultCategoryDataset;

/** The technology part of investment and of fund flows, overall, by year. */
final class TechRatioSection {
  static final String TITLE = "Technology share of investment and fund flows";
  static final Map<String, String> SERIES =
      Map.of("investment", "Outbound investment", "fund", "Cooperation funds");

  private TechRatioSection() {}

  static Section of(SparkSession spark) {
    List<Row> rows =
        spark
            .sql(
                "SELECT year, flow, tech_ratio * 100 AS tech_pct, series"
                    + " FROM gold.tech_investment_ratio_yearly"
                    + " WHERE group_type = 'all' ORDER BY series, year, flow")
            .collectAsList();
    SeriesLabels labels = new SeriesLabels(rows, 3);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Row r : rows) {
      data.addValue(
          PartnerShareSection.number(r, 2),
          labels.of(SERIES.getOrDefault(r.getString(1), r.getString(1)), r.getString(3)),
          String.valueOf(r.getInt(0)));
    }
    String html =
        Html.p(
                "The part of each year's flow that went to technology sectors"
                    + " (gold.tech_investment_ratio_yearly, all countries). Amounts in an unknown"
                    + " sector count in the total, never as technology.")
            + Svg.of(
                "tech-ratio-chart",
                Charts.line(TITLE, "Year", "Technology share (%)", data, false));
    return new Section("tech-ratio", TITLE, html);
  }
}
