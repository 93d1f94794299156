package coopstats.bench;

import coopstats.ref.RefData;
import java.sql.SQLException;
import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names the pipeline takes from the JDK, as tables for the peer's lookups: country names in
 * CountryResolver's order, and currency and month names as Currencies and Months read them.
 */
final class JdkNames {
  private JdkNames() {}

  static void load(DuckDb db, List<RefData.Country> countries) throws SQLException {
    db.exec("CREATE TABLE ref.country_jdk_name (name VARCHAR, iso3 VARCHAR, ord BIGINT)");
    db.insert("ref.country_jdk_name", countryNames(countries));
    db.exec("CREATE TABLE ref.currency_code (code VARCHAR)");
    db.insert(
        "ref.currency_code",
        Currency.getAvailableCurrencies().stream()
            .map(c -> new Object[] {c.getCurrencyCode()})
            .toList());
    db.exec("CREATE TABLE ref.currency_name (name VARCHAR, code VARCHAR)");
    db.insert("ref.currency_name", rows(currencyNames()));
    db.exec("CREATE TABLE ref.month_name (name VARCHAR, month INTEGER)");
    db.insert("ref.month_name", rows(monthNames()));
  }

  /** CountryResolver's names, in its order: the first one given for a key wins. */
  private static List<Object[]> countryNames(List<RefData.Country> countries) {
    List<Object[]> names = new ArrayList<>();
    for (RefData.Country c : countries) {
      Locale locale = new Locale("", c.iso2());
      for (String n :
          new String[] {
            c.nameEn(),
            c.nameZh(),
            locale.getDisplayCountry(Locale.ENGLISH),
            locale.getDisplayCountry(Locale.TRADITIONAL_CHINESE)
          }) {
        if (n != null) {
          names.add(new Object[] {n, c.iso3(), (long) names.size()});
        }
      }
    }
    return names;
  }

  private static Map<String, String> currencyNames() {
    Map<String, String> byName = new LinkedHashMap<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
        byName.putIfAbsent(c.getDisplayName(l).toLowerCase(Locale.ROOT), c.getCurrencyCode());
      }
    }
    Map.of(
            "元", "CNY", "人民币元", "CNY", "rmb", "CNY", "美金", "USD", "us$", "USD", "$", "USD", "€",
            "EUR", "£", "GBP")
        .forEach(byName::put);
    return byName;
  }

  private static Map<String, Integer> monthNames() {
    Map<String, Integer> months = new LinkedHashMap<>();
    for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      DateFormatSymbols symbols = DateFormatSymbols.getInstance(l);
      for (int i = 0; i < 12; i++) {
        months.put(symbols.getMonths()[i].toLowerCase(Locale.ROOT), i + 1);
        months.put(symbols.getShortMonths()[i].toLowerCase(Locale.ROOT), i + 1);
      }
    }
    months.put("sept", 9);
    return months;
  }

  private static List<Object[]> rows(Map<String, ?> byName) {
    return byName.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList();
  }
}
