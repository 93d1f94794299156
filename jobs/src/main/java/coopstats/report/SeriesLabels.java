package coopstats.report;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Chart labels that name the series when a chart shows more than one: series measure the same flows
 * in different ways, so their lines are drawn side by side and never added together.
 */
final class SeriesLabels {
  private final boolean several;

  /** Labels for {@code rows}, whose column {@code seriesAt} holds the series. */
  SeriesLabels(List<Row> rows, int seriesAt) {
    this.several = rows.stream().map(r -> r.getString(seriesAt)).distinct().count() > 1;
  }

  /** {@code label}, followed by its series in brackets when the chart shows several. */
  String of(String label, String series) {
    return several ? label + " (" + series + ")" : label;
  }
}
