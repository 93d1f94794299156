package coopstats.ref;

import coopstats.contract.Schemas;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The reference data as plain values, loaded from {@code schemas/ref/}; small enough to ship. */
public final class RefData implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A country: ISO codes, English and Chinese names (the JDK's unless overridden), region. */
  public record Country(
      String iso3, String iso2, String nameEn, String nameZh, String region, String source)
      implements Serializable {}

  public record Alias(String alias, String iso3, String source) implements Serializable {}

  /** Membership of a country in a group, valid from (inclusive) to (exclusive), null = open. */
  public record GroupMember(
      String groupType,
      String groupId,
      String iso3,
      LocalDate validFrom,
      LocalDate validTo,
      String source,
      String note)
      implements Serializable {}

  public record Sector(String taxonomy, String code, String name, boolean isTech, String source)
      implements Serializable {}

  public record FxRate(String currency, int year, BigDecimal unitsPerUsd, String source)
      implements Serializable {}

  public record Program(
      String programId,
      String programName,
      String sponsorIso3,
      String kind,
      String description,
      String source)
      implements Serializable {}

  private final List<Country> countries;
  private final List<Alias> aliases;
  private final List<GroupMember> groups;
  private final List<Sector> sectors;
  private final List<FxRate> fxRates;
  private final List<Program> programs;

  /** Each table's rows by column name, for the driver to write; executors need only the above. */
  private final transient Map<String, List<Map<String, Object>>> tables;

  private RefData(Map<String, List<Map<String, Object>>> tables) {
    this.tables = tables;
    this.countries = rows("ref.country", RefData::country);
    this.aliases = rows("ref.country_alias", RefData::alias);
    this.groups = rows("ref.country_group", RefData::group);
    this.sectors = rows("ref.sector", RefData::sector);
    this.fxRates = rows("ref.fx_rate", RefData::fxRate);
    this.programs = rows("ref.program", RefData::program);
  }

  /**
   * Reads every reference file in {@code schemas/ref/} by header name, typed as its table's schema
   * file says, failing with the file and line at fault. The JDK gives the countries' names unless
   * the file gives an English one; each country's region also makes it a member of that region.
   */
  public static RefData load(Schemas schemas) {
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    List<Map<String, Object>> countries = read(schemas, "countries.csv", "ref.country", "name_zh");
    List<Map<String, Object>> groups =
        read(schemas, "country_groups.csv", "ref.country_group", "group_type");
    groups.forEach(g -> g.put("group_type", "country_group"));
    for (Map<String, Object> c : countries) {
      Locale locale = new Locale("", (String) c.get("iso2"));
      c.put(
          "name_en", orJdk((String) c.get("name_en"), locale.getDisplayCountry(Locale.ENGLISH), c));
      c.put("name_zh", orJdk(null, locale.getDisplayCountry(Locale.SIMPLIFIED_CHINESE), c));
      if (c.get("region") != null) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("group_type", "region");
        region.put("group_id", c.get("region"));
        region.put("iso3", c.get("iso3"));
        region.put("valid_from", null);
        region.put("valid_to", null);
        region.put("source", c.get("source"));
        region.put("note", null);
        groups.add(region);
      }
    }
    tables.put("ref.country", countries);
    tables.put("ref.country_alias", read(schemas, "country_aliases.csv", "ref.country_alias"));
    tables.put("ref.country_group", groups);
    tables.put("ref.sector", read(schemas, "sectors.csv", "ref.sector"));
    tables.put("ref.fx_rate", read(schemas, "fx_rates.csv", "ref.fx_rate"));
    tables.put("ref.program", read(schemas, "programs.csv", "ref.program"));
    return new RefData(tables);
  }

  private static List<Map<String, Object>> read(
      Schemas schemas, String file, String table, String... derived) {
    return RefFile.read(schemas.refFile(file), schemas.table(table), Set.of(derived));
  }

  private static String orJdk(String override, String jdkName, Map<String, Object> country) {
    if (override != null) {
      return override;
    }
    // The JDK echoes the code back when it has no name for it.
    return jdkName == null || jdkName.equals(country.get("iso2")) ? null : jdkName;
  }

  private <T> List<T> rows(String table, Function<Map<String, Object>, T> record) {
    return tables.get(table).stream().map(record).toList();
  }

  private static Country country(Map<String, Object> c) {
    return new Country(
        str(c, "iso3"),
        str(c, "iso2"),
        str(c, "name_en"),
        str(c, "name_zh"),
        str(c, "region"),
        str(c, "source"));
  }

  private static Alias alias(Map<String, Object> a) {
    return new Alias(str(a, "alias"), str(a, "iso3"), str(a, "source"));
  }

  private static GroupMember group(Map<String, Object> g) {
    return new GroupMember(
        str(g, "group_type"),
        str(g, "group_id"),
        str(g, "iso3"),
        (LocalDate) g.get("valid_from"),
        (LocalDate) g.get("valid_to"),
        str(g, "source"),
        str(g, "note"));
  }

  private static Sector sector(Map<String, Object> s) {
    return new Sector(
        str(s, "taxonomy"),
        str(s, "code"),
        str(s, "name"),
        (Boolean) s.get("is_tech"),
        str(s, "source"));
  }

  private static FxRate fxRate(Map<String, Object> f) {
    return new FxRate(
        str(f, "currency"),
        (Integer) f.get("year"),
        (BigDecimal) f.get("units_per_usd"),
        str(f, "source"));
  }

  private static Program program(Map<String, Object> p) {
    return new Program(
        str(p, "program_id"),
        str(p, "program_name"),
        str(p, "sponsor_iso3"),
        str(p, "kind"),
        str(p, "description"),
        str(p, "source"));
  }

  private static String str(Map<String, Object> row, String column) {
    return (String) row.get(column);
  }

  /** Each reference table's rows by column name, in the order they are read. */
  Map<String, List<Map<String, Object>>> tables() {
    return tables;
  }

  public List<Country> countries() {
    return countries;
  }

  public List<Alias> aliases() {
    return aliases;
  }

  public List<GroupMember> groups() {
    return groups;
  }

  public List<Sector> sectors() {
    return sectors;
  }

  public List<FxRate> fxRates() {
    return fxRates;
  }

  public List<Program> programs() {
    return programs;
  }
}
