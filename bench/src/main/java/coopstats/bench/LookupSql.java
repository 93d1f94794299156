package coopstats.bench;

import static coopstats.bench.Sql.q;

import coopstats.contract.ColumnSpec;
import java.util.List;

/**
 * The joins with the reference tables that one silver column's value comes from: countries by code
 * or name, months by name, sectors by code or name. Each lookup key is computed once (stage a) and
 * joined once (stage b), under names derived from the column's.
 *
 * @param keys the lookup keys, computed from the landing text
 * @param joins the LEFT JOINs with the lookup tables of {@code peer-ref.sql}
 * @param value the looked-up value, {@code <column>__v}; null for a column without a lookup
 */
record LookupSql(List<String> keys, List<String> joins, String value) {
  private static final LookupSql NONE = new LookupSql(List.of(), List.of(), null);

  static LookupSql of(ColumnSpec c) {
    return switch (c.parseKind()) {
      case COUNTRY_ISO3 -> country(c);
      case MONTH -> month(c);
      case IS_TECH -> sector(c);
      case LINEAGE, TEXT, INT, BOOLEAN, DECIMAL, CURRENCY, UNIT, FX_RATE, USD -> NONE;
    };
  }

  /** An ISO code first, then a name or alias, as CountryResolver does. */
  private static LookupSql country(ColumnSpec c) {
    String raw = q(c.source());
    String n = c.name();
    return new LookupSql(
        List.of(
            "CASE WHEN regexp_full_match("
                + raw
                + ", '[A-Za-z]{2,3}') THEN upper("
                + raw
                + ") END AS "
                + q(n + "__code"),
            "name_key(" + raw + ") AS " + q(n + "__key")),
        List.of(
            join("ref.country_code", n + "__j1", "code", n + "__code"),
            join("ref.country_key", n + "__j2", "key", n + "__key")),
        "coalesce(" + q(n + "__j1") + ".iso3, " + q(n + "__j2") + ".iso3) AS " + q(n + "__v"));
  }

  /** A month's name in English or Chinese, else its number. */
  private static LookupSql month(ColumnSpec c) {
    String n = c.name();
    return new LookupSql(
        List.of("month_key(" + q(c.source()) + ") AS " + q(n + "__key")),
        List.of(join("ref.month_name", n + "__j", "name", n + "__key")),
        "coalesce("
            + q(n + "__j")
            + ".month, month_digits(a."
            + q(n + "__key")
            + ")) AS "
            + q(n + "__v"));
  }

  /** A delivered is_tech wins over the sector's flag. */
  private static LookupSql sector(ColumnSpec c) {
    String n = c.name();
    return new LookupSql(
        List.of("sector_key(" + q(c.source()) + ") AS " + q(n + "__key")),
        List.of(join("ref.sector_key", n + "__j", "key", n + "__key")),
        "coalesce(bool_val(a.is_tech), " + q(n + "__j") + ".is_tech) AS " + q(n + "__v"));
  }

  private static String join(String table, String alias, String column, String key) {
    return "LEFT JOIN "
        + table
        + " "
        + q(alias)
        + " ON "
        + q(alias)
        + "."
        + column
        + " = a."
        + q(key);
  }
}
