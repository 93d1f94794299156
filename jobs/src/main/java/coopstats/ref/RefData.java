package coopstats.ref;

import coopstats.Errors;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

  private RefData(
      List<Country> countries,
      List<Alias> aliases,
      List<GroupMember> groups,
      List<Sector> sectors,
      List<FxRate> fxRates,
      List<Program> programs) {
    this.countries = countries;
    this.aliases = aliases;
    this.groups = groups;
    this.sectors = sectors;
    this.fxRates = fxRates;
    this.programs = programs;
  }

  /** Reads every reference file in {@code dir}, failing with the file and line at fault. */
  public static RefData load(Path dir) {
    List<Country> countries = new ArrayList<>();
    for (RefFile.Line l :
        RefFile.read(dir.resolve("countries.csv"), "iso3", "iso2", "region", "source")) {
      String iso2 = l.require("iso2");
      Locale locale = new Locale("", iso2);
      String en = orJdk(l.get("name_en"), locale.getDisplayCountry(Locale.ENGLISH), iso2);
      String zh = orJdk(null, locale.getDisplayCountry(Locale.SIMPLIFIED_CHINESE), iso2);
      countries.add(
          new Country(l.require("iso3"), iso2, en, zh, l.get("region"), l.require("source")));
    }
    List<Alias> aliases = new ArrayList<>();
    for (RefFile.Line l :
        RefFile.read(dir.resolve("country_aliases.csv"), "alias", "iso3", "source")) {
      aliases.add(new Alias(l.require("alias"), l.require("iso3"), l.require("source")));
    }
    List<GroupMember> groups = new ArrayList<>();
    for (RefFile.Line l :
        RefFile.read(dir.resolve("country_groups.csv"), "group_id", "iso3", "valid_from")) {
      groups.add(
          new GroupMember(
              "country_group",
              l.require("group_id"),
              l.require("iso3"),
              date(l, "valid_from"),
              date(l, "valid_to"),
              l.require("source"),
              l.get("note")));
    }
    for (Country c : countries) {
      if (c.region() != null) {
        groups.add(new GroupMember("region", c.region(), c.iso3(), null, null, c.source(), null));
      }
    }
    List<Sector> sectors = new ArrayList<>();
    for (RefFile.Line l :
        RefFile.read(dir.resolve("sectors.csv"), "taxonomy", "code", "name", "is_tech")) {
      sectors.add(
          new Sector(
              l.require("taxonomy"),
              l.require("code"),
              l.require("name"),
              bool(l, "is_tech"),
              l.require("source")));
    }
    List<FxRate> fx = new ArrayList<>();
    for (RefFile.Line l :
        RefFile.read(dir.resolve("fx_rates.csv"), "currency", "year", "units_per_usd")) {
      fx.add(
          new FxRate(
              l.require("currency"),
              number(l, "year", Integer::valueOf, "a whole number"),
              number(l, "units_per_usd", BigDecimal::new, "a decimal number"),
              l.require("source")));
    }
    List<Program> programs = new ArrayList<>();
    for (RefFile.Line l :
        RefFile.read(dir.resolve("programs.csv"), "program_id", "program_name", "kind")) {
      programs.add(
          new Program(
              l.require("program_id"),
              l.require("program_name"),
              l.get("sponsor_iso3"),
              l.require("kind"),
              l.get("description"),
              l.require("source")));
    }
    return new RefData(countries, aliases, groups, sectors, fx, programs);
  }

  private static String orJdk(String override, String jdkName, String iso2) {
    if (override != null) {
      return override;
    }
    // The JDK echoes the code back when it has no name for it.
    return jdkName == null || jdkName.equals(iso2) ? null : jdkName;
  }

  private static LocalDate date(RefFile.Line l, String column) {
    String v = l.get(column);
    try {
      return v == null ? null : LocalDate.parse(v);
    } catch (RuntimeException e) {
      throw Errors.badRefFile(
          l.file().toString(), l.number(), column + " '" + v + "' is not a date (yyyy-MM-dd)");
    }
  }

  private static <T> T number(
      RefFile.Line l, String column, java.util.function.Function<String, T> parse, String what) {
    String v = l.require(column);
    try {
      return parse.apply(v);
    } catch (NumberFormatException e) {
      throw Errors.badRefFile(
          l.file().toString(), l.number(), column + " '" + v + "' is not " + what);
    }
  }

  private static boolean bool(RefFile.Line l, String column) {
    String v = l.require(column);
    if (!v.equals("true") && !v.equals("false")) {
      throw Errors.badRefFile(
          l.file().toString(), l.number(), column + " must be true or false, found '" + v + "'");
    }
    return Boolean.parseBoolean(v);
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
