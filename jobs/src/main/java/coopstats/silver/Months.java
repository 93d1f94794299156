package coopstats.silver;

import java.text.DateFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Months as numbers or by name (English and Chinese, from the JDK's locale data). */
final class Months {
  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      DateFormatSymbols symbols = DateFormatSymbols.getInstance(l);
      String[] full = symbols.getMonths();
      String[] shortNames = symbols.getShortMonths();
      for (int i = 0; i < 12; i++) {
        BY_NAME.put(full[i].toLowerCase(Locale.ROOT), i + 1);
        BY_NAME.put(shortNames[i].toLowerCase(Locale.ROOT), i + 1);
      }
    }
    BY_NAME.put("sept", 9);
  }

  private Months() {}

  static Integer parse(String column, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip().toLowerCase(Locale.ROOT);
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    Integer month = BY_NAME.get(s);
    if (month == null) {
      String digits = s.endsWith("月") ? s.substring(0, s.length() - 1) : s;
      if (!digits.isEmpty() && digits.length() <= 2 && digits.chars().allMatch(Months::isDigit)) {
        month = Integer.valueOf(digits);
      }
    }
    if (month == null || month < 1 || month > 12) {
      throw RowRejected.notAMonth(column, raw);
    }
    return month;
  }

  /** An ASCII digit: what {@code \\d} matches without the Unicode flag. */
  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
