package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.Cli;
import coopstats.SampleWarehouse;
import coopstats.Tags;
import coopstats.TestPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AEI China Global Investment Tracker export through the real command line. Expected
 * figures are computed here from the raw CSV in plain Java, without Spark. The same file beside the
 * bundled sample, in one landing folder, stays its own series.
 */
@Tag(Tags.OWN_RUNS)
class TestCgitEndToEnd {
  static final Path CGIT = TestPaths.sharedData().resolve("cgit/cgit_2021fall_investments.csv");
  static final Path SAIS_CARI =
      TestPaths.sharedData().resolve("sais_cari/sais_cari_chinese_fdi_flow_africa_1990_2020.csv");
  @TempDir static Path dir;
  static Cli run;
  static Cli together;

  @BeforeAll
  static void runPipeline() throws IOException {
    Path landing = dir.resolve("landing/cgit");
    Files.createDirectories(landing);
    Files.copy(CGIT, landing.resolve("cgit_2021fall_investments.csv"));
    run =
        Cli.run(
            "run",
            "--landing",
            dir.resolve("landing").toString(),
            "--warehouse",
            dir.resolve("warehouse").toString());
    Path both = dir.resolve("both");
    copyTree(TestPaths.home().resolve("sample/landing"), both);
    Files.createDirectories(both.resolve("cgit"));
    Files.copy(CGIT, both.resolve("cgit/cgit_2021fall_investments.csv"));
    Files.createDirectories(both.resolve("sais_cari"));
    Files.copy(SAIS_CARI, both.resolve("sais_cari").resolve(SAIS_CARI.getFileName().toString()));
    together =
        Cli.run(
            "run",
            "--landing",
            both.toString(),
            "--warehouse",
            dir.resolve("warehouse-both").toString());
  }

  /**
   * The notebook that compares series shows, for each year, every series' flows to Africa in its
   * own column, as silver's rows of that series add up.
   */
  @Test
  void theSeriesNotebookPutsTheSeriesSideBySide() throws IOException {
    Path out = dir.resolve("series_compare.ipynb");
    Cli nb =
        Cli.run(
            "notebook",
            "run",
            TestPaths.home().resolve("notebooks/series_compare.ipynb").toString(),
            "--out",
            out.toString(),
            "--warehouse",
            dir.resolve("warehouse-both").toString());
    assertThat(nb.exitCode()).as(nb.err()).isZero();
    JsonNode cell = new ObjectMapper().readTree(out.toFile()).get("cells").get(4);
    List<List<String>> table =
        cell.at("/outputs/0/data/text~1plain")
            .asText()
            .lines()
            .filter(l -> l.contains("|"))
            .map(l -> Stream.of(l.split("\\|")).map(String::strip).toList())
            .toList();
    assertThat(table.get(0))
        .containsExactly(
            "year", "cgit_usd_m", "construction_usd_m", "mofcom_usd_m", "programme_usd_m");
    String africa =
        " AND country_iso3 IN (SELECT iso3 FROM ref.country WHERE region = 'Sub-Saharan Africa'"
            + " OR iso3 IN ('DZA', 'DJI', 'EGY', 'LBY', 'MAR', 'TUN'))";
    for (String year : List.of("2008", "2015", "2019")) {
      List<String> row =
          table.stream().filter(r -> r.get(0).equals(year)).findFirst().orElseThrow();
      for (String[] series :
          new String[][] {{"cgit", "1"}, {"mofcom_fdi_flows", "3"}, {"programme_records", "4"}}) {
        List<String> silver =
            Cli.csv(
                dir.resolve("warehouse-both"),
                "SELECT coalesce(CAST(round(sum(amount_usd) / 1e6, 1) AS STRING), 'NULL') AS m"
                    + " FROM silver.investment WHERE series = '"
                    + series[0]
                    + "' AND year = "
                    + year
                    + africa);
        assertThat(row.get(Integer.parseInt(series[1])))
            .as(series[0] + " in " + year)
            .isEqualTo(silver.get(1));
      }
      assertThat(row.get(2)).as("no construction contracts in a CSV export").isEqualTo("NULL");
    }
  }

  /** The report draws each series' lines side by side, each named by its series. */
  @Test
  void theReportNamesEachSeriesItDraws() throws IOException {
    Path out = dir.resolve("report-both");
    Cli report =
        Cli.run(
            "report",
            "--warehouse",
            dir.resolve("warehouse-both").toString(),
            "--out",
            out.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(Files.readString(out.resolve("index.html")))
        .contains(">Belt and Road partners (cgit)<")
        .contains(">Belt and Road partners (programme_records)<")
        .contains(">All countries (cgit)<");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /**
   * The sample and the CGIT release in one landing folder: each series' gold, every table and every
   * row, is exactly the gold of a run on that series' files alone.
   */
  @Test
  void eachSeriesGoldEqualsARunOnItsOwnFiles() {
    assertThat(together.exitCode()).as(together.err()).isZero();
    Path both = dir.resolve("warehouse-both");
    Map<String, Path> alone =
        Map.of("cgit", dir.resolve("warehouse"), "programme_records", SampleWarehouse.get());
    List<String> tables =
        Cli.csv(both, "SHOW TABLES IN gold").stream().skip(1).map(l -> l.split(",")[1]).toList();
    assertThat(tables).contains("investment_share_yearly", "program_roi_yearly");
    assertThat(Cli.csv(both, "SELECT DISTINCT series FROM gold.investment_share_yearly ORDER BY 1"))
        .containsExactly("series", "cgit", "mofcom_fdi_flows", "programme_records");
    alone.forEach(
        (series, warehouse) -> {
          for (String table : tables) {
            String query =
                "SELECT * FROM gold." + table + " WHERE series = '" + series + "' ORDER BY ALL";
            assertThat(Cli.csv(both, query))
                .as(series + " in gold." + table)
                .containsExactlyElementsOf(Cli.csv(warehouse, query));
          }
        });
  }

  @Test
  void everyRowIsAccountedFor() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("3752 delivered: 3752 in silver, 0 in silver.quarantine");
    assertThat(csv("SELECT count(*) AS n FROM silver.investment WHERE source = 'cgit'"))
        .containsExactly("n", "3752");
  }

  @Test
  void perYearTotalsAndTechRatiosEqualTheRawFile() throws IOException {
    Map<Integer, BigDecimal[]> expected = rawTotals();
    List<String> lines = new ArrayList<>();
    lines.add("year,amount_usd,tech_ratio");
    expected.forEach(
        (year, t) ->
            lines.add(
                year
                    + ","
                    + t[0].movePointRight(6).setScale(2).toPlainString()
                    + ","
                    + (t[1].doubleValue() / t[0].doubleValue())));
    assertThat(
            csv(
                "SELECT s.year, s.amount_usd, t.tech_ratio FROM gold.investment_share_yearly s"
                    + " JOIN gold.tech_investment_ratio_yearly t ON t.series = s.series"
                    + " AND t.year = s.year"
                    + " AND t.flow = 'investment' AND t.group_type = 'all'"
                    + " WHERE s.group_type = 'all' ORDER BY s.year"))
        .containsExactlyElementsOf(lines);
  }

  @Test
  void theRepeatedRowStaysTwoRows() {
    assertThat(
            csv(
                "SELECT _line, amount_usd FROM silver.investment WHERE year = 2019 AND month = 11"
                    + " AND investor = 'China Railway Construction' AND country_iso3 = 'SGP'"
                    + " AND amount = 540 ORDER BY _line"))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).matches("_line,amount_usd|\\d+,540000000.00"));
  }

  private static List<String> csv(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }

  /** Year to {total, technology} in millions of USD, read with a plain quote-aware split. */
  static Map<Integer, BigDecimal[]> rawTotals() throws IOException {
    List<String> lines = Files.readAllLines(CGIT, Charset.forName("windows-1252"));
    Map<Integer, BigDecimal[]> totals = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = split(line);
      BigDecimal amount = new BigDecimal(f.get(3).replace("$", "").replace(",", "").strip());
      BigDecimal[] t =
          totals.computeIfAbsent(
              Integer.valueOf(f.get(0)), y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      t[0] = t[0].add(amount);
      if (f.get(6).equals("Technology")) {
        t[1] = t[1].add(amount);
      }
    }
    return totals;
  }

  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    fields.add(b.toString());
    return fields;
  }
}
