package coopstats.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A symmetric log axis, {@code sign(v) · log10(1 + |v|)}: linear near zero, logarithmic beyond ±1,
 * so a programme losing 95 % and one returning 3,000 % both read on one chart. Ticks sit at 0 and
 * at ±10, ±100, ±1,000, ... (and ±1 on a narrow range); negative ones only when a value is
 * negative. JFreeChart's log axes take no negative values, hence this one.
 */
final class SymlogAxis extends PaddedAxis {
  private static final DecimalFormat LABEL = labels();

  SymlogAxis(String label) {
    super(label);
    setAutoRangeIncludesZero(true);
  }

  static double symlog(double v) {
    return Math.signum(v) * Math.log10(1 + Math.abs(v));
  }

  static double inverse(double t) {
    return Math.signum(t) * (Math.pow(10, Math.abs(t)) - 1);
  }

  @Override
  protected void autoAdjustRange() {
    Range data = dataRange();
    double low = symlog(data == null ? 0 : Math.min(data.getLowerBound(), 0));
    double high = symlog(data == null ? 1 : Math.max(data.getUpperBound(), 0));
    double span = high > low ? high - low : 1;
    setRange(new Range(inverse(low - MARGIN * span), inverse(high + MARGIN * span)), false, false);
  }

  @Override
  public double valueToJava2D(double value, Rectangle2D area, RectangleEdge edge) {
    double share = fraction(symlog(value));
    if (RectangleEdge.isTopOrBottom(edge)) {
      return area.getMinX() + (isInverted() ? 1 - share : share) * area.getWidth();
    }
    return area.getMaxY() - (isInverted() ? 1 - share : share) * area.getHeight();
  }

  @Override
  public double java2DToValue(double java2D, Rectangle2D area, RectangleEdge edge) {
    double share =
        RectangleEdge.isTopOrBottom(edge)
            ? (java2D - area.getMinX()) / area.getWidth()
            : (area.getMaxY() - java2D) / area.getHeight();
    double low = symlog(getLowerBound());
    double high = symlog(getUpperBound());
    return inverse(low + (isInverted() ? 1 - share : share) * (high - low));
  }

  @Override
  public List<ValueTick> refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    Range data = dataRange();
    double low = data == null ? 0 : Math.min(data.getLowerBound(), 0);
    double high = data == null ? 0 : Math.max(data.getUpperBound(), 0);
    // ±1 crowds the zero label once the axis spans a few decades.
    double first = Math.max(-low, high) < 100 ? 1 : 10;
    List<ValueTick> ticks = new ArrayList<>();
    ticks.add(tick(0, edge));
    for (double v = first; v <= Math.max(-getLowerBound(), getUpperBound()); v *= 10) {
      if (low < 0 && -v >= getLowerBound()) {
        ticks.add(tick(-v, edge));
      }
      if (high > 0 && v <= getUpperBound()) {
        ticks.add(tick(v, edge));
      }
    }
    return ticks;
  }

  private double fraction(double t) {
    double low = symlog(getLowerBound());
    double high = symlog(getUpperBound());
    return (t - low) / (high - low);
  }

  private static NumberTick tick(double v, RectangleEdge edge) {
    TextAnchor anchor;
    if (edge == RectangleEdge.TOP) {
      anchor = TextAnchor.BOTTOM_CENTER;
    } else if (edge == RectangleEdge.BOTTOM) {
      anchor = TextAnchor.TOP_CENTER;
    } else {
      anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
    }
    return new NumberTick(v, LABEL.format(v), anchor, anchor, 0.0);
  }
}
