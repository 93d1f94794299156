package coopstats.report;

import java.awt.Color;
import java.awt.geom.Line2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;

/**
 * The report's charts: series in {@link Palette}'s colours, dashes and shapes, value axes padded
 * past the data ({@link PaddedAxis}) or on a symmetric log scale ({@link SymlogAxis}), and a legend
 * whenever there is more than one series.
 */
final class Charts {
  private Charts() {}

  /** One line per row key of {@code data} over its column keys (years). */
  static JFreeChart line(String title, String x, String y, CategoryDataset data, boolean symlog) {
    LineAndShapeRenderer lines = new LongLegendLines();
    for (int i = 0; i < data.getRowCount(); i++) {
      lines.setSeriesPaint(i, Palette.colour(i));
      lines.setSeriesStroke(i, Palette.stroke(i));
      lines.setSeriesShape(i, Palette.shape(i));
    }
    return chart(title, x, y, data, symlog, lines, PlotOrientation.VERTICAL, true);
  }

  /** Bars per row key of {@code data}, grouped by column key; a legend when there are several. */
  static JFreeChart bar(
      String title,
      String x,
      String y,
      CategoryDataset data,
      boolean symlog,
      PlotOrientation orientation) {
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    for (int i = 0; i < data.getRowCount(); i++) {
      bars.setSeriesPaint(i, Palette.colour(i));
    }
    return chart(title, x, y, data, symlog, bars, orientation, data.getRowCount() > 1);
  }

  /** A legend line long enough to show each series' dash pattern, not only its colour. */
  private static final class LongLegendLines extends LineAndShapeRenderer {
    LongLegendLines() {
      super(true, true);
    }

    @Override
    public LegendItem getLegendItem(int datasetIndex, int series) {
      LegendItem item = super.getLegendItem(datasetIndex, series);
      if (item != null) {
        item.setLine(new Line2D.Double(-16, 0, 16, 0));
      }
      return item;
    }
  }

  private static JFreeChart chart(
      String title,
      String x,
      String y,
      CategoryDataset data,
      boolean symlog,
      CategoryItemRenderer renderer,
      PlotOrientation orientation,
      boolean legend) {
    NumberAxis values = symlog ? new SymlogAxis(y) : new PaddedAxis(y);
    CategoryAxis categories = new CategoryAxis(x);
    categories.setAxisLinePaint(Palette.FRAME);
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(orientation);
    plot.setOutlinePaint(Palette.FRAME);
    plot.setRangeGridlinePaint(Palette.GRID);
    plot.setRangeZeroBaselineVisible(true);
    plot.setRangeZeroBaselinePaint(Palette.FRAME);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
