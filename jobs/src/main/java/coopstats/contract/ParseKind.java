package coopstats.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a silver column's value is made from its bronze column: a schema file's {@code parse:}, in
 * lower case. Checked when {@code schemas/} loads; {@code silver.RowParser} handles every kind.
 */
public enum ParseKind {
  BOOLEAN,
  COUNTRY_ISO3,
  CURRENCY,
  DECIMAL,
  FX_RATE,
  INT,
  IS_TECH,
  LINEAGE,
  MONTH,
  TEXT,
  UNIT,
  USD;

  /** The kind a schema file names, or null when it names none of them. */
  public static ParseKind of(String name) {
    return Arrays.stream(values()).filter(k -> k.spelling().equals(name)).findFirst().orElse(null);
  }

  /** Every kind as a schema file spells it. */
  public static List<String> spellings() {
    return Arrays.stream(values()).map(ParseKind::spelling).toList();
  }

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
