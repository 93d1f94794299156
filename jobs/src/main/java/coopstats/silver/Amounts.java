package coopstats.silver;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses amounts as people write them: {@code "$1,740 "}, {@code 12.5亿}, {@code 3 million}. */
final class Amounts {
  /** Unit words and their multipliers; 亿 = 10^8, so 12.5 亿 = 1.25 billion. */
  static final Map<String, BigDecimal> UNITS =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("1", BigDecimal.ONE),
          Map.entry("万", new BigDecimal("1E4")),
          Map.entry("亿", new BigDecimal("1E8")),
          Map.entry("千", new BigDecimal("1E3")),
          Map.entry("百万", new BigDecimal("1E6")),
          Map.entry("thousand", new BigDecimal("1E3")),
          Map.entry("k", new BigDecimal("1E3")),
          Map.entry("million", new BigDecimal("1E6")),
          Map.entry("millions", new BigDecimal("1E6")),
          Map.entry("mn", new BigDecimal("1E6")),
          Map.entry("m", new BigDecimal("1E6")),
          Map.entry("billion", new BigDecimal("1E9")),
          Map.entry("billions", new BigDecimal("1E9")),
          Map.entry("bn", new BigDecimal("1E9")));

  private static final Pattern SYMBOLS = Pattern.compile("^(US\\$|\\$|¥|￥|€|£)|(US\\$|\\$)$");
  private static final Pattern AMOUNT = Pattern.compile("^([+-]?[0-9][0-9,.]*)\\s*(\\D*)$");
  private static final Pattern THOUSANDS = Pattern.compile("^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("^[+-]?\\d+,\\d{1,2}$");
  private static final Pattern PLAIN = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");

  private Amounts() {}

  /** A parsed amount: the number as written, and the unit word written beside it, if any. */
  record Parsed(BigDecimal value, String unit) {}

  /** Parses an amount, or throws {@link RowRejected} with the reason it is not one. */
  static Parsed parse(String column, String raw) {
    String s = raw.strip();
    if (isPlain(s)) {
      // Most amounts are plain decimals; they need none of the patterns below.
      return new Parsed(new BigDecimal(s), null);
    }
    s = s.replace('\u00a0', ' ');
    s = SYMBOLS.matcher(s).replaceAll("").strip();
    Matcher m = AMOUNT.matcher(s);
    if (!m.matches()) {
      throw RowRejected.notANumber(column, raw);
    }
    String number = m.group(1);
    String unit = m.group(2).strip().toLowerCase(Locale.ROOT);
    if (!unit.isEmpty() && !UNITS.containsKey(unit)) {
      throw RowRejected.unknownUnit(column, raw, m.group(2));
    }
    BigDecimal value = new BigDecimal(normalizeNumber(column, raw, number));
    return new Parsed(value, unit.isEmpty() ? null : unit);
  }

  /** Whether {@code s} is a plain decimal, as {@link #PLAIN} says, checked without a matcher. */
  static boolean isPlain(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    i++;
    int fraction = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      fraction++;
    }
    return fraction > 0 && i == n;
  }

  private static String normalizeNumber(String column, String raw, String number) {
    if (PLAIN.matcher(number).matches()) {
      return number;
    }
    if (THOUSANDS.matcher(number).matches()) {
      return number.replace(",", "");
    }
    if (DECIMAL_COMMA.matcher(number).matches()) {
      return number.replace(',', '.');
    }
    throw RowRejected.notANumber(column, raw);
  }

  /** The multiplier of a unit column value; empty means 1. */
  static BigDecimal multiplier(String column, String unit) {
    String key = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
    BigDecimal m = UNITS.get(key);
    if (m == null) {
      throw RowRejected.notAUnit(column, unit);
    }
    return m;
  }
}
