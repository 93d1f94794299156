package coopstats.generate;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An amount as deliveries write it: a currency code or name, a unit (万, 亿, thousand, million,
 * billion or none) and a number with or without {@code $} and thousands separators, sometimes with
 * the unit word inside the amount.
 */
record Money(String amount, String currency, String unit) {
  private static final String[] SPELLINGS = {
    "USD", "美元", "CNY", "人民币", "元", "EUR", "欧元", "GBP", "JPY", "KRW", "SGD", "CHF"
  };
  private static final String[] CODES = {
    "USD", "USD", "CNY", "CNY", "CNY", "EUR", "EUR", "GBP", "JPY", "KRW", "SGD", "CHF"
  };
  private static final double[] WEIGHTS = Seeds.cumulative(45, 5, 14, 8, 4, 8, 2, 3, 3, 2, 3, 3);

  /** Rough units per USD: the generator needs plausible sizes, not the reference rates. */
  private static final Map<String, Double> RATE =
      Map.of(
          "USD", 1.0, "CNY", 6.8, "EUR", 0.9, "GBP", 0.78, "JPY", 115.0, "KRW", 1150.0, "SGD", 1.35,
          "CHF", 0.95);

  private static final Map<String, Double> FACTOR =
      Map.of("", 1.0, "万", 1e4, "亿", 1e8, "thousand", 1e3, "million", 1e6, "billion", 1e9);

  /** An amount worth about {@code usd} US dollars. */
  static Money of(SplittableRandom r, double usd) {
    int c = Seeds.pick(r, WEIGHTS);
    String code = CODES[c];
    String unit = unit(r, code);
    double value = usd * RATE.get(code) / FACTOR.get(unit);
    String number = number(r, value, unit, code);
    if (!unit.isEmpty() && r.nextInt(20) == 0) {
      // The unit written into the amount, the unit column left empty.
      return new Money(number + (unit.length() == 1 ? "" : " ") + unit, SPELLINGS[c], "");
    }
    return new Money(number, SPELLINGS[c], unit);
  }

  /** Roughly log-normal sizes around {@code median}: most deals small, a few huge. */
  static double usd(SplittableRandom r, double median) {
    double g =
        Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    return Math.min(median * 400, Math.max(median / 400, median * Math.exp(1.4 * g)));
  }

  private static String unit(SplittableRandom r, String code) {
    int u = r.nextInt(10);
    return switch (code) {
      case "CNY" -> u < 5 ? "万" : u < 8 ? "亿" : "";
      case "JPY", "KRW" -> u < 6 ? "million" : u < 8 ? "亿" : "";
      default -> u < 5 ? "million" : u < 7 ? "thousand" : u < 9 ? "" : "billion";
    };
  }

  private static String number(SplittableRandom r, double value, String unit, String code) {
    if (unit.isEmpty()) {
      long whole = Math.max(1, Math.round(value));
      String s = r.nextBoolean() ? String.format(Locale.ROOT, "%,d", whole) : Long.toString(whole);
      return "USD".equals(code) && r.nextInt(3) == 0 ? "$" + s : s;
    }
    int decimals = value < 1 ? 4 : 2;
    String s = String.format(Locale.ROOT, "%." + decimals + "f", Math.max(value, 0.0001));
    return "USD".equals(code) && r.nextInt(4) == 0 ? "$" + s : s;
  }
}
