package coopstats.generate;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import coopstats.Errors;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What generated rows are drawn from: the reference tables in {@code schemas/ref/}, so that every
 * good row's country, sector and programme is one the pipeline knows.
 */
final class RefPools {
  /**
   * The usual destinations come first, so that the skew looks like CGIT's (a few countries hold
   * most of the money); the rest follow in file order.
   */
  private static final List<String> HEAD =
      List.of(
          "USA", "AUS", "GBR", "BRA", "PAK", "IDN", "KAZ", "RUS", "NGA", "SGP", "MYS", "DEU", "CAN",
          "FRA", "CHE", "ITA", "ARE", "SAU", "EGY", "VNM", "THA", "KHM", "LAO", "BGD", "KEN", "ETH",
          "PER", "ARG", "ZAF", "TUR");

  /** A country with every way a delivery may spell it. */
  record Country(String iso3, List<String> spellings) {}

  final List<Country> countries = new ArrayList<>();
  final double[] countryWeights;
  final Map<String, List<String>> sectorsByTaxonomy = new HashMap<>();
  final Map<String, List<String[]>> programsByKind = new HashMap<>();

  private RefPools(Path ref) {
    Map<String, List<String>> aliases = new HashMap<>();
    for (String[] a : read(ref.resolve("country_aliases.csv"))) {
      aliases.computeIfAbsent(a[1], k -> new ArrayList<>()).add(a[0]);
    }
    Map<String, Country> byIso3 = new LinkedHashMap<>();
    for (String[] c : read(ref.resolve("countries.csv"))) {
      if (c[1] == null || c[1].isBlank()) {
        continue;
      }
      Locale l = new Locale("", c[1]);
      List<String> s = new ArrayList<>();
      s.add(l.getDisplayCountry(Locale.ENGLISH));
      s.add(l.getDisplayCountry(Locale.SIMPLIFIED_CHINESE));
      s.add(c[0]);
      s.add(c[1]);
      s.addAll(aliases.getOrDefault(c[0], List.of()));
      byIso3.put(c[0], new Country(c[0], List.copyOf(s)));
    }
    HEAD.stream().filter(byIso3::containsKey).forEach(iso3 -> countries.add(byIso3.remove(iso3)));
    countries.addAll(byIso3.values());
    double[] w = new double[countries.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1.0 / Math.pow(i + 1, 1.1); // Zipf-like
    }
    countryWeights = Seeds.cumulative(w);
    for (String[] s : read(ref.resolve("sectors.csv"))) {
      sectorsByTaxonomy.computeIfAbsent(s[0], k -> new ArrayList<>()).add(s[1]);
    }
    for (String[] p : read(ref.resolve("programs.csv"))) {
      programsByKind.computeIfAbsent(p[3], k -> new ArrayList<>()).add(p);
    }
  }

  static RefPools load(Path schemas) {
    return new RefPools(schemas.resolve("ref"));
  }

  /**
   * A country spelled as deliveries do: mostly English names, often Chinese, sometimes ISO codes or
   * an alias such as Britain or 越南.
   */
  String country(SplittableRandom r) {
    Country c = countries.get(Seeds.pick(r, countryWeights));
    double u = r.nextDouble();
    List<String> s = c.spellings();
    if (u < 0.40) {
      return s.get(0);
    } else if (u < 0.65) {
      return s.get(1);
    } else if (u < 0.80) {
      return s.get(2);
    } else if (u < 0.88 || s.size() == 4) {
      return s.get(3);
    }
    return s.get(4 + r.nextInt(s.size() - 4));
  }

  /**
   * A sector as deliveries name it: half CGIT's sector names, a third coopstats' names, the rest
   * OECD DAC purpose codes (without the weights, the 325 DAC codes would crowd out the others).
   */
  String sector(SplittableRandom r) {
    int u = r.nextInt(6);
    String taxonomy = u < 3 ? "cgit" : u < 5 ? "coopstats" : "dac5";
    return Seeds.oneOf(r, sectorsByTaxonomy.getOrDefault(taxonomy, List.of("Other")));
  }

  /** Programmes of a kind: {@code [program_id, program_name, ...]}. */
  List<String[]> programs(String kind) {
    return programsByKind.getOrDefault(kind, List.of());
  }

  private static List<String[]> read(Path file) {
    CsvParserSettings s = new CsvParserSettings();
    s.setHeaderExtractionEnabled(true);
    s.setNullValue("");
    s.getFormat().setLineSeparator("\n");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new CsvParser(s).parseAll(in);
    } catch (IOException e) {
      throw Errors.missingSchemas(file.toString());
    }
  }
}
