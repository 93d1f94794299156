package coopstats.silver;

import java.util.Locale;
import java.util.Map;

/** Booleans in their usual spellings, English and Chinese. Blank is unknown, not false. */
final class Booleans {
  private static final Map<String, Boolean> VALUES =
      Map.ofEntries(
          Map.entry("true", true),
          Map.entry("t", true),
          Map.entry("yes", true),
          Map.entry("y", true),
          Map.entry("1", true),
          Map.entry("是", true),
          Map.entry("真", true),
          Map.entry("false", false),
          Map.entry("f", false),
          Map.entry("no", false),
          Map.entry("n", false),
          Map.entry("0", false),
          Map.entry("否", false),
          Map.entry("假", false));

  private Booleans() {}

  static Boolean parse(String column, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Boolean b = VALUES.get(raw.strip().toLowerCase(Locale.ROOT));
    if (b == null) {
      throw RowRejected.notABoolean(column, raw);
    }
    return b;
  }
}
