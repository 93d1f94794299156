package coopstats.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

/**
 * A value axis whose range always reaches past the data, so that no line lies on the plot's frame
 * (a share of 0 % or 100 %), and that labels no negative tick unless a value is negative.
 */
class PaddedAxis extends NumberAxis {
  static final double MARGIN = 0.08;

  PaddedAxis(String label) {
    super(label);
    setAutoRangeStickyZero(false);
    setLowerMargin(MARGIN);
    setUpperMargin(MARGIN);
    setAxisLinePaint(Palette.FRAME);
    setTickMarkPaint(Palette.FRAME);
    setNumberFormatOverride(labels());
  }

  /**
   * Ticks at least three label heights apart on a vertical axis: a label every 16 pixels (0, 5, 10,
   * ... 90) is more than a reader takes in at a glance.
   */
  @Override
  protected double estimateMaximumTickLabelHeight(Graphics2D g2) {
    return 3 * super.estimateMaximumTickLabelHeight(g2);
  }

  /** The plotted values' range, or null before the axis is on a plot or when it has no data. */
  Range dataRange() {
    return getPlot() instanceof ValueAxisPlot p ? p.getDataRange(this) : null;
  }

  @Override
  public List<ValueTick> refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    @SuppressWarnings("unchecked")
    List<ValueTick> ticks = super.refreshTicks(g2, state, dataArea, edge);
    Range data = dataRange();
    if (data == null) {
      return ticks;
    }
    boolean negative = data.getLowerBound() < 0;
    boolean positive = data.getUpperBound() > 0;
    return ticks.stream()
        .filter(t -> (negative || t.getValue() >= 0) && (positive || t.getValue() <= 0))
        .toList();
  }

  /** Tick labels: thousands separators, up to two decimals, and a true minus sign (U+2212). */
  static DecimalFormat labels() {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setMinusSign('\u2212');
    return new DecimalFormat("#,##0.##", symbols);
  }
}
