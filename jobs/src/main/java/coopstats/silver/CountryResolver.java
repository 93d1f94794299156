package coopstats.silver;

import coopstats.ref.RefData;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Resolves a country as delivered to ISO alpha-3: ISO alpha-2 or alpha-3 codes, the JDK's English,
 * Simplified and Traditional Chinese names, and the alias table.
 */
final class CountryResolver implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** At most this many delivered spellings are remembered with what they resolve to. */
  private static final int REMEMBERED = 10_000;

  /** The code for an empty result in {@link #seen}, which cannot hold null. */
  private static final String UNKNOWN = "";

  private final Map<String, String> byCode = new HashMap<>();
  private final Map<String, String> byName = new HashMap<>();

  /**
   * Spellings resolved so far, as delivered, with their code or {@link #UNKNOWN}: a column holds
   * few distinct spellings, and normalising a name costs a Unicode decomposition and two regular
   * expressions.
   */
  private final Map<String, String> seen = new ConcurrentHashMap<>();

  CountryResolver(RefData ref) {
    for (RefData.Country c : ref.countries()) {
      byCode.put(c.iso2().toUpperCase(Locale.ROOT), c.iso3());
      byCode.put(c.iso3().toUpperCase(Locale.ROOT), c.iso3());
      Locale locale = new Locale("", c.iso2());
      addName(c.nameEn(), c.iso3());
      addName(c.nameZh(), c.iso3());
      addName(locale.getDisplayCountry(Locale.ENGLISH), c.iso3());
      addName(locale.getDisplayCountry(Locale.TRADITIONAL_CHINESE), c.iso3());
    }
    // Aliases come last so that they can settle a name the JDK spells differently.
    for (RefData.Alias a : ref.aliases()) {
      byName.put(key(a.alias()), a.iso3());
    }
  }

  private void addName(String name, String iso3) {
    if (name != null && !name.isBlank()) {
      byName.putIfAbsent(key(name), iso3);
    }
  }

  /** The ISO alpha-3 code of a country name, code or alias, or empty when it is unknown. */
  Optional<String> resolve(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String known = seen.get(raw);
    if (known == null) {
      known = lookUp(raw).orElse(UNKNOWN);
      if (seen.size() < REMEMBERED) {
        seen.put(raw, known);
      }
    }
    return known.isEmpty() ? Optional.empty() : Optional.of(known);
  }

  private Optional<String> lookUp(String raw) {
    String trimmed = raw.strip();
    if (CODE.matcher(trimmed).matches()) {
      String iso3 = byCode.get(trimmed.toUpperCase(Locale.ROOT));
      if (iso3 != null) {
        return Optional.of(iso3);
      }
    }
    return Optional.ofNullable(byName.get(key(trimmed)));
  }

  /** Name key: accents, case, punctuation and spacing do not matter; CJK letters are kept. */
  static String key(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", "and");
    return NOT_ALNUM.matcher(s).replaceAll("");
  }
}
