package coopstats.silver;

import coopstats.contract.ColumnSpec;
import java.math.BigDecimal;

/** Whole numbers (years, counts), checked against the column's declared range. */
final class Ints {
  private Ints() {}

  static int parse(ColumnSpec c, String raw) {
    String s = withoutYearSign(c, raw.strip().replace(",", ""));
    BigDecimal value;
    if (isShortDigits(s)) {
      // Most values are a few plain digits, such as a year.
      value = BigDecimal.valueOf(Integer.parseInt(s));
    } else {
      try {
        value = new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw RowRejected.notAWholeNumber(c.source(), raw);
      }
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw RowRejected.notAWholeNumber(c.source(), raw);
    }
    if ((c.min() != null && value.compareTo(c.min()) < 0)
        || (c.max() != null && value.compareTo(c.max()) > 0)) {
      throw RowRejected.outside(c.source(), raw.strip(), c.min(), c.max());
    }
    if (value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw RowRejected.tooLarge(c.source(), raw.strip());
    }
    return value.intValueExact();
  }

  /**
   * A year column's value without the 年 that Chinese tables write after a year (MOFCOM's headers
   * read {@code 2019年}); other whole numbers keep it, so a stray 年 there stays an error.
   */
  private static String withoutYearSign(ColumnSpec c, String s) {
    boolean isYear = c.name().equals("year") || c.name().endsWith("_year");
    return isYear && s.endsWith("年") ? s.substring(0, s.length() - 1).strip() : s;
  }

  /** One to nine ASCII digits: a value that fits an int without a sign or separators. */
  private static boolean isShortDigits(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
