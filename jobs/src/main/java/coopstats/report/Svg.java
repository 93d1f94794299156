package coopstats.report;

import java.awt.Color;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a JFreeChart into an inline SVG element, headless; the SVG scales with the page. */
final class Svg {
  static final int WIDTH = 900;
  static final int HEIGHT = 420;

  private Svg() {}

  static String of(String id, JFreeChart chart) {
    System.setProperty("java.awt.headless", "true");
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    // Several charts share one page: their clip-path ids must not collide.
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return "<figure>"
        + g.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null)
        + "</figure>\n";
  }
}
