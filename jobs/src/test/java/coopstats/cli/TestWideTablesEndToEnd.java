package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import coopstats.TestPaths;
import coopstats.bronze.Workbooks;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wide tables through the real command line: SAIS-CARI's compilation of MOFCOM's FDI flows to
 * Africa exactly as published, read by the built-in sais_cari profile, and two small tables laid
 * out as statistical offices lay them out, with a total row and notes under the table. Expected
 * figures for the real file are computed here from the raw CSV in plain Java.
 */
@Tag(Tags.OWN_RUNS)
class TestWideTablesEndToEnd {
  static final Path SAIS =
      TestPaths.sharedData().resolve("sais_cari/sais_cari_chinese_fdi_flow_africa_1990_2020.csv");

  /** Countries down the side and years across, amounts in 万美元, as MOFCOM's bulletin. */
  static final String BULLETIN_PROFILE =
      """
      source: bulletin
      kind: investment
      format: csv
      header_row: auto
      delivery: snapshot
      key: []
      columns: {country: 国家(地区)}
      constants: {currency: USD, unit: 万, sector: Unspecified}
      net_flows: true
      unpivot: {columns: '^(19|20)[0-9]{2}年?$', name_to: year, value_to: amount}
      """;

  static final String BULLETIN =
      """
      中国对外直接投资流量（万美元）,,
      国家(地区),2019年,2020年
      肯尼亚,"1,200",-35
      越南,n/a,50
      合计,1200,15
      注：统计口径为净额。,,
      """;

  /** Years down the side and a column per country, as SAIS-CARI lays MOFCOM's figures out. */
  static final String FLOWS_PROFILE =
      """
      source: flows
      kind: investment
      format: csv
      header_row: auto
      delivery: snapshot
      key: []
      columns: {year: Year}
      extra_columns: {total: Total}
      constants: {currency: USD, unit: million, sector: Unspecified}
      net_flows: true
      unpivot: {columns: '^(?!Total$).+$', name_to: country, value_to: amount}
      """;

  static final String FLOWS =
      """
      Flows to Africa,,,
      Year,Kenya,Angola,Total
      2019,5,-2,3
      2020,,4,4
      Total,5,2,7
      Note: net flows.,,,
      """;

  /**
   * MOFCOM's bulletin as a workbook, read by a profile of the user's own: no code, only this file.
   * 万美元 is the currency USD in the unit 万 (10^4).
   */
  static final String MOFCOM_PROFILE =
      """
      source: mofcom
      series: mofcom_bulletin
      kind: investment
      format: xlsx
      header_row: auto
      delivery: snapshot
      key: []
      columns: {country: 国家(地区)}
      constants: {currency: USD, unit: 万, sector: Unspecified}
      net_flows: true
      unpivot: {columns: '^(19|20)[0-9]{2}年$', name_to: year, value_to: amount}
      """;

  @TempDir static Path dir;
  static Cli run;

  @BeforeAll
  static void deliverAndRun() throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "sources/sais_cari.yaml", "");
    Files.writeString(schemas.resolve("sources/bulletin.yaml"), BULLETIN_PROFILE);
    Files.writeString(schemas.resolve("sources/flows.yaml"), FLOWS_PROFILE);
    Files.writeString(schemas.resolve("sources/mofcom.yaml"), MOFCOM_PROFILE);
    deliver("sais_cari", "sais_cari.csv", Files.readString(SAIS));
    deliver("bulletin", "bulletin_2020.csv", BULLETIN);
    deliver("flows", "flows.csv", FLOWS);
    Files.createDirectories(dir.resolve("landing/mofcom"));
    Files.write(dir.resolve("landing/mofcom/bulletin_2023.xlsx"), Workbooks.mofcom());
    run = Cli.runWith(schemas, Cli.runArgs(dir));
  }

  private static void deliver(String source, String file, String text) throws IOException {
    Path folder = dir.resolve("landing").resolve(source);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
  }

  /** The real file's table: each data row's year, its country cells and its own total. */
  record Year(int year, List<BigDecimal> cells, BigDecimal fileTotal) {
    BigDecimal sum() {
      return cells.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  static List<Year> saisYears() throws IOException {
    List<String> lines = Files.readAllLines(SAIS);
    List<String> header = fields(lines.get(1));
    int total = header.indexOf("Total, US$ mn");
    List<Year> years = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      List<String> f = fields(line);
      if (!f.get(0).matches("\\d{4}")) {
        continue; // a blank line or a note under the table
      }
      List<BigDecimal> cells = new ArrayList<>();
      for (int i = 1; i < header.size(); i++) {
        String h = header.get(i).strip();
        boolean country = !h.isEmpty() && !h.equals("Regional") && !h.startsWith("Total");
        if (country && !f.get(i).isBlank()) {
          cells.add(new BigDecimal(f.get(i).strip()));
        }
      }
      // 1990-2002 have no figures yet, and no total.
      BigDecimal fileTotal = f.get(total).isBlank() ? null : new BigDecimal(f.get(total).strip());
      years.add(new Year(Integer.parseInt(f.get(0)), cells, fileTotal));
    }
    return years;
  }

  /** A CSV line's fields; SAIS-CARI quotes a field only around its commas. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  List<String> csv(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }

  @Test
  void everyCountryYearCellOfTheRealFileIsAccountedFor() throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    long cells = saisYears().stream().mapToLong(y -> y.cells().size()).sum();
    assertThat(cells).isEqualTo(941);
    // Every cell is kept; the one row in quarantine is 2018's own total (see below).
    assertThat(
            csv(
                "SELECT (SELECT count(*) FROM silver.investment WHERE source = 'sais_cari'),"
                    + " (SELECT count(*) FROM silver.quarantine WHERE source = 'sais_cari')"))
        .last()
        .isEqualTo(cells + ",1");
    // Net flows: the negative years are kept, not quarantined.
    assertThat(
            csv(
                "SELECT count(*) FROM silver.investment WHERE source = 'sais_cari' AND amount < 0"
                    + " AND series = 'mofcom_fdi_flows'"))
        .last()
        .isEqualTo("97");
  }

  @Test
  void yearlyTotalsInGoldEqualTheFileWhereverItsTotalAgreesWithItsCells() throws IOException {
    Map<Integer, BigDecimal> gold = new TreeMap<>();
    csv(
            "SELECT year, amount_usd FROM gold.investment_share_yearly WHERE series ="
                + " 'mofcom_fdi_flows' AND group_type = 'all' AND group_key = 'all'")
        .stream()
        .skip(1)
        .forEach(l -> gold.put(Integer.parseInt(l.split(",")[0]), new BigDecimal(l.split(",")[1])));
    Map<Integer, BigDecimal> cells = new TreeMap<>();
    List<Integer> disagree = new ArrayList<>();
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    for (Year y : saisYears()) {
      if (y.cells().isEmpty()) {
        continue; // 1990-2002: the table has no figures yet
      }
      cells.put(y.year(), y.sum().multiply(million).setScale(2));
      if (y.sum().compareTo(y.fileTotal()) == 0) {
        assertThat(gold.get(y.year())).as("%d", y.year()).isEqualTo(cells.get(y.year()));
        assertThat(gold.get(y.year())).isEqualByComparingTo(y.fileTotal().multiply(million));
      } else {
        disagree.add(y.year());
      }
    }
    assertThat(gold).isEqualTo(cells);
    // The file's own total for 2018 (5,389.11) is 18.06 less than its countries' cells
    // (5,407.17); gold keeps the sum of the cells.
    assertThat(disagree).containsExactly(2018);
    assertThat(gold.get(2018)).isEqualByComparingTo("5407170000");
  }

  @Test
  void theFilesOwnTotalIsCheckedAndOnly2018sDisagreesWithItsCells() {
    // The profile's unpivot total: 2018 (line 31) is the one year whose total is not the sum of
    // its cells; its total is quarantined beside the cells, which silver keeps.
    assertThat(
            csv(
                "SELECT line, rule, raw, reason FROM silver.quarantine WHERE source ="
                    + " 'sais_cari'"))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("31,total_mismatch,\"[Total, US$ mn] 2018,")
        .endsWith(
            ",\"sais_cari/sais_cari.csv, row 31: the file's total 'Total, US$ mn' is 5389.11"
                + " but the cells read from the row sum to 5407.17 (tolerance 0.01); the cells"
                + " are kept as read. Ask the publisher which is right, or widen unpivot's"
                + " total_tolerance in the source's profile if the difference is rounding\"");
    assertThat(
            csv(
                "SELECT rule, action, rows FROM ops.quality WHERE table_name = 'silver.investment'"
                    + " AND rule = 'total_mismatch'"))
        .containsExactly("rule,action,rows", "total_mismatch,quarantine,1");
  }

  static final String TOTAL_ROW =
      "\"country '合计' is not a known country code, name or alias; add it to"
          + " schemas/ref/country_aliases.csv and rerun with --full-refresh\"";

  @Test
  void totalRowsAndBadCellsGoToQuarantineWithAReasonAndNotesGiveNoRecord() {
    assertThat(
            csv(
                "SELECT source, line, rule, reason FROM silver.quarantine WHERE source IN"
                    + " ('bulletin', 'flows') ORDER BY source, line, raw"))
        .containsExactly(
            "source,line,rule,reason",
            "bulletin,4,invalid_number,amount 'n/a' is not a number",
            "bulletin,5,unknown_country," + TOTAL_ROW,
            "bulletin,5,unknown_country," + TOTAL_ROW,
            "flows,5,invalid_number,year 'Total' is not a whole number",
            "flows,5,invalid_number,year 'Total' is not a whole number");
    assertThat(
            csv(
                "SELECT source, year, country_iso3, amount_usd FROM silver.investment WHERE source"
                    + " IN ('bulletin', 'flows') ORDER BY source, year, country_iso3"))
        .containsExactly(
            "source,year,country_iso3,amount_usd",
            "bulletin,2019,KEN,12000000.00",
            "bulletin,2020,KEN,-350000.00",
            "bulletin,2020,VNM,500000.00",
            "flows,2019,AGO,-2000000.00",
            "flows,2019,KEN,5000000.00",
            "flows,2020,AGO,4000000.00");
  }

  @Test
  void everyCellOfAMofcomBulletinWorkbookIsAccountedForWithExactYearlySums() {
    // The bulletin's cells in plain Java: per year, how many and their sum in USD (万 = 10^4).
    Map<String, BigDecimal> sums = new TreeMap<>();
    int cells = 0;
    for (List<Object> row : Workbooks.MOFCOM_ROWS) {
      for (int i = 1; i < row.size(); i++) {
        Object v = row.get(i);
        if (v != null) {
          cells++;
          BigDecimal n = new BigDecimal(v.toString().replace(",", ""));
          sums.merge(
              Workbooks.MOFCOM_YEARS.get(i - 1).replace("年", ""),
              n.scaleByPowerOfTen(4),
              BigDecimal::add);
        }
      }
    }
    assertThat(cells).isEqualTo(18);
    List<String> expected = new ArrayList<>(List.of("year,count,amount_usd"));
    sums.forEach((year, sum) -> expected.add(year + ",%s," + sum.setScale(2).toPlainString()));
    List<String> silver =
        csv(
            "SELECT year, count(*), sum(amount_usd) FROM silver.investment WHERE source ="
                + " 'mofcom' AND series = 'mofcom_bulletin' AND _sheet = '表3-5' GROUP BY year"
                + " ORDER BY year");
    assertThat(silver).hasSize(6);
    long kept = silver.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum();
    assertThat(kept).isEqualTo(cells);
    for (int i = 1; i < silver.size(); i++) {
      String[] f = silver.get(i).split(",");
      assertThat(silver.get(i)).isEqualTo(expected.get(i).formatted(f[1]));
    }
    // Net flows: DR Congo's 2019 and Kenya's 2020 and Congo's 2022 are negative, and kept.
    assertThat(
            csv(
                "SELECT year, country_iso3, amount_usd FROM silver.investment WHERE source ="
                    + " 'mofcom' AND amount_usd < 0 ORDER BY year"))
        .containsExactly(
            "year,country_iso3,amount_usd",
            "2019,COD,-48210000.00",
            "2020,KEN,-20830000.00",
            "2022,COG,-1500000.00");
    // Gold's yearly totals for the series are the sums of the cells, the negatives netted.
    List<String> gold = new ArrayList<>(List.of("year,amount_usd"));
    sums.forEach((year, sum) -> gold.add(year + "," + sum.setScale(2).toPlainString()));
    assertThat(
            csv(
                "SELECT year, amount_usd FROM gold.investment_share_yearly WHERE series ="
                    + " 'mofcom_bulletin' AND group_type = 'all' AND group_key = 'all' ORDER BY"
                    + " year"))
        .isEqualTo(gold);
    // The 合计 row is five records, one per year, all in quarantine; the title, the unit and the
    // note give none.
    assertThat(
            csv(
                "SELECT sheet, line, rule, reason FROM silver.quarantine WHERE source = 'mofcom'"
                    + " ORDER BY raw"))
        .containsExactly(
            "sheet,line,rule,reason",
            "表3-5,8,unknown_country," + TOTAL_ROW,
            "表3-5,8,unknown_country," + TOTAL_ROW,
            "表3-5,8,unknown_country," + TOTAL_ROW,
            "表3-5,8,unknown_country," + TOTAL_ROW,
            "表3-5,8,unknown_country," + TOTAL_ROW);
  }
}
