package coopstats.report;

import java.awt.Color;

/** Colour differences as a reader perceives them: CIE 1976 ΔE in CIELAB (D65, sRGB). */
final class Colours {
  private Colours() {}

  static double deltaE(Color a, Color b) {
    double[] p = lab(a);
    double[] q = lab(b);
    return Math.sqrt(
        Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
  }

  static double[] lab(Color c) {
    double r = linear(c.getRed());
    double g = linear(c.getGreen());
    double b = linear(c.getBlue());
    double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
  }

  private static double linear(int v) {
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
  }
}
