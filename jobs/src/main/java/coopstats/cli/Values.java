package coopstats.cli;

import java.math.BigDecimal;

/** How a value prints: decimals in plain notation, everything else as its string. */
final class Values {
  private Values() {}

  static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(v);
  }
}
