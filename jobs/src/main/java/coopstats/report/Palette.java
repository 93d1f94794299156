package coopstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The report's series colours, dashes and point shapes. Colour is never the only cue: series i has
 * the i-th colour, dash and shape, so nine lines stay apart for readers with a colour-vision
 * deficiency and on a grey printout too.
 */
final class Palette {
  /**
   * Okabe and Ito's colour-blind-safe qualitative palette without its yellow (illegible as a thin
   * line on white), then Paul Tol's wine and olive: nine colours, each pair at least 26 CIELAB
   * units apart.
   */
  static final List<Color> COLOURS =
      List.of(
          new Color(0x0072B2),
          new Color(0xE69F00),
          new Color(0x009E73),
          new Color(0xD55E00),
          new Color(0xCC79A7),
          new Color(0x56B4E9),
          new Color(0x000000),
          new Color(0x882255),
          new Color(0x999933));

  /** The plot frame and axis lines: a grey no series uses. */
  static final Color FRAME = new Color(0x888888);

  static final Color GRID = new Color(0xDDDDDD);

  private static final float WIDTH = 2.2f;
  private static final float[][] DASHES = {
    null, {8, 4}, {2, 3}, {10, 3, 2, 3}, {4, 4}, {14, 4}, {2, 3, 2, 3, 8, 3}, {6, 2}, {12, 3, 3, 3}
  };

  private Palette() {}

  static Color colour(int series) {
    return COLOURS.get(series % COLOURS.size());
  }

  static Stroke stroke(int series) {
    float[] dash = DASHES[series % DASHES.length];
    return dash == null
        ? new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
        : new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** Square, circle, up and down triangle, diamond, then the same shapes smaller. */
  static Shape shape(int series) {
    double s = series / 5 == 0 ? 7 : 5;
    double h = s / 2;
    return switch (series % 5) {
      case 0 -> new Rectangle2D.Double(-h, -h, s, s);
      case 1 -> new Ellipse2D.Double(-h, -h, s, s);
      case 2 -> polygon(0, -h, h, h, -h, h);
      case 3 -> polygon(0, h, h, -h, -h, -h);
      default -> polygon(0, -h, h, 0, 0, h, -h, 0);
    };
  }

  private static Shape polygon(double... xy) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      p.lineTo(xy[i], xy[i + 1]);
    }
    p.closePath();
    return p;
  }
}
