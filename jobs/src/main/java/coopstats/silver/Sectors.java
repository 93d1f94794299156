package coopstats.silver;

import coopstats.ref.RefData;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classifies a sector as technology or not from {@code ref.sector}: CGIT sector names, DAC 5-digit
 * purpose codes and coopstats' own names. An unknown sector is unknown (null), not "not tech".
 */
final class Sectors implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private final Map<String, Boolean> isTech = new HashMap<>();

  Sectors(RefData ref) {
    for (RefData.Sector s : ref.sectors()) {
      isTech.putIfAbsent(key(s.code()), s.isTech());
      isTech.putIfAbsent(key(s.name()), s.isTech());
    }
  }

  /** True or false for a known sector, null for an unknown or blank one. */
  Boolean isTech(String sector) {
    return sector == null ? null : isTech.get(key(sector));
  }

  private static String key(String s) {
    return SPACES.matcher(s.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
