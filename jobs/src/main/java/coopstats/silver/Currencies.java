package coopstats.silver;

import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Currencies as ISO 4217 codes or names in English and Chinese, from the JDK's currency data. */
final class Currencies {
  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    for (Currency c : Currency.getAvailableCurrencies()) {
      for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
        BY_NAME.putIfAbsent(c.getDisplayName(l).toLowerCase(Locale.ROOT), c.getCurrencyCode());
      }
    }
    // Everyday spellings the JDK does not list.
    BY_NAME.put("元", "CNY");
    BY_NAME.put("人民币元", "CNY");
    BY_NAME.put("rmb", "CNY");
    BY_NAME.put("美金", "USD");
    BY_NAME.put("us$", "USD");
    BY_NAME.put("$", "USD");
    BY_NAME.put("€", "EUR");
    BY_NAME.put("£", "GBP");
  }

  private Currencies() {}

  /** The ISO 4217 code of a currency as written, or empty when it is unknown. */
  static Optional<String> resolve(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.strip();
    if (s.length() == 3 && s.chars().allMatch(Character::isLetter)) {
      try {
        return Optional.of(Currency.getInstance(s.toUpperCase(Locale.ROOT)).getCurrencyCode());
      } catch (IllegalArgumentException notIso) {
        // fall through to names
      }
    }
    return Optional.ofNullable(BY_NAME.get(s.toLowerCase(Locale.ROOT)));
  }
}
