package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import coopstats.TestPaths;
import coopstats.bronze.Workbooks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook laid out like the AEI tracker's, through the real command line with a profile of its
 * own, beside a password-protected one whose profile says {@code on_missing_column: fail}.
 */
@Tag(Tags.OWN_RUNS)
class TestWorkbookEndToEnd {
  static final String PROFILE =
      """
      kind: investment
      description: The tracker as a workbook, its header below two title rows.
      format: xlsx
      sheet: Dataset 1
      header_row: auto
      delivery: snapshot
      key: []
      columns: {year: Year, month: Month, investor: Investor, amount: Quantity in Millions,
        sector: Sector, country: Country}
      constants: {currency: USD, unit: million}
      on_missing_column: fail
      """;

  @TempDir static Path dir;
  static Cli run;

  @BeforeAll
  static void deliverAndRun() throws Exception {
    Path schemas = TestPaths.schemasWith(dir, "sources/cgit.yaml", "");
    Files.writeString(schemas.resolve("sources/tracker.yaml"), "source: tracker\n" + PROFILE);
    Files.writeString(schemas.resolve("sources/locked.yaml"), "source: locked\n" + PROFILE);
    Files.createDirectories(dir.resolve("landing/tracker"));
    Files.createDirectories(dir.resolve("landing/locked"));
    byte[] tracker = tracker();
    Files.write(dir.resolve("landing/tracker/tracker_2021.xlsx"), tracker);
    Files.write(dir.resolve("landing/locked/tracker_2021.xlsx"), Workbooks.encrypted(tracker));
    // AEI's own layout, read by the built-in cgit profile.
    Files.createDirectories(dir.resolve("landing/cgit"));
    Files.write(dir.resolve("landing/cgit/China-Global-Investment-Tracker.xlsx"), Workbooks.aei());
    run = Cli.runWith(schemas, Cli.runArgs(dir));
  }

  /** Titles on rows 1-2, the header on row 3, a blank row between the deals. */
  static byte[] tracker() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("About");
      Sheet s = wb.createSheet("Dataset 1");
      Workbooks.row(s, 1, "China Global Investment Tracker");
      Workbooks.row(s, 2, "Amounts in USD millions");
      Workbooks.row(s, 3, "Year", "Month", "Investor", "Quantity in Millions", "Sector", "Country");
      Workbooks.row(s, 4, 2019, "March", "Chery", 1740, "Transport", "Brazil");
      Workbooks.row(s, 5, "2020", null, "Huawei", null, "Energy", "Kenya")
          .createCell(3)
          .setCellFormula("1000+200.5");
      Workbooks.row(s, 7, 2021, "May", "Sinopec", "1,200", "Energy", "Angola");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      return Workbooks.bytes(wb);
    }
  }

  @Test
  void theDealsReachSilverWithTheirRowNumbers() {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(65);
    assertThat(
            sql(
                "SELECT year, month, investor, country_iso3, sector, amount, currency, unit,"
                    + " amount_usd, _file, _line FROM silver.investment WHERE source = 'tracker'"
                    + " ORDER BY _line"))
        .containsExactly(
            "year,month,investor,country_iso3,sector,amount,currency,unit,amount_usd,_file,_line",
            "2019,3,Chery,BRA,Transport,1740.000000,USD,million,1740000000.00,tracker/tracker_2021.xlsx,4",
            "2020,,Huawei,KEN,Energy,1200.500000,USD,million,1200500000.00,tracker/tracker_2021.xlsx,5",
            "2021,5,Sinopec,AGO,Energy,1200.000000,USD,million,1200000000.00,tracker/tracker_2021.xlsx,7");
  }

  @Test
  void bronzeKeepsEachRowAsDeliveredWithItsSheet() {
    assertThat(sql("SELECT _line, _raw FROM bronze.tracker ORDER BY _line"))
        .containsExactly(
            "_line,_raw",
            "4,\"[Dataset 1] 2019,March,Chery,1740,Transport,Brazil\"",
            "5,\"[Dataset 1] 2020,,Huawei,1200.5,Energy,Kenya\"",
            "7,\"[Dataset 1] 2021,May,Sinopec,\"\"1,200\"\",Energy,Angola\"");
  }

  /**
   * The tracker as AEI ships it, in landing/cgit/: investments are the series cgit, construction
   * contracts cgit_construction, and troubled transactions and the combined sheet count in neither.
   * Per-year totals are computed here from the fixture's deals, in plain Java.
   */
  @Test
  void anAeiWorkbookFeedsTheSeriesCgitAndCgitConstruction() {
    Map<String, Map<Integer, BigDecimal>> totals = new TreeMap<>();
    totals.put("cgit", yearly(Workbooks.INVESTMENTS));
    totals.put("cgit_construction", yearly(Workbooks.CONSTRUCTION));
    List<String> expected = new ArrayList<>(List.of("series,year,amount_usd"));
    totals.forEach(
        (series, years) ->
            years.forEach(
                (year, millions) ->
                    expected.add(
                        series
                            + ","
                            + year
                            + ","
                            + millions.movePointRight(6).setScale(2).toPlainString())));
    assertThat(
            sql(
                "SELECT series, year, amount_usd FROM gold.investment_share_yearly"
                    + " WHERE group_type = 'all' AND series LIKE 'cgit%' ORDER BY series, year"))
        .containsExactlyElementsOf(expected);
    assertThat(
            sql(
                "SELECT series, _sheet, _line, investor, record_id FROM silver.investment"
                    + " WHERE source = 'cgit' ORDER BY series, _line"))
        .containsExactly(
            "series,_sheet,_line,investor,record_id",
            "cgit,Dataset 1,7,Chery,cgit/China-Global-Investment-Tracker.xlsx#Dataset 1!7",
            "cgit,Dataset 1,8,Huawei,cgit/China-Global-Investment-Tracker.xlsx#Dataset 1!8",
            "cgit,Dataset 1,9,Sinopec,cgit/China-Global-Investment-Tracker.xlsx#Dataset 1!9",
            "cgit_construction,Dataset 2,7,China Railway Construction,"
                + "cgit/China-Global-Investment-Tracker.xlsx#Dataset 2!7",
            "cgit_construction,Dataset 2,8,PowerChina,"
                + "cgit/China-Global-Investment-Tracker.xlsx#Dataset 2!8");
    assertThat(sql("SELECT DISTINCT _sheet FROM bronze.cgit ORDER BY _sheet"))
        .containsExactly("_sheet", "Dataset 1", "Dataset 2");
  }

  /** Year to the sum of the deals' amounts in millions, the text "1,037" read as 1037. */
  private static Map<Integer, BigDecimal> yearly(List<List<Object>> deals) {
    Map<Integer, BigDecimal> years = new TreeMap<>();
    for (List<Object> d : deals) {
      BigDecimal amount = new BigDecimal(d.get(3).toString().replace(",", ""));
      years.merge((Integer) d.get(0), amount, BigDecimal::add);
    }
    return years;
  }

  @Test
  void anEncryptedWorkbookIsQuarantinedAndEndsTheRunAsPartial() {
    assertThat(run.err())
        .contains("1 file(s) lack a required column or cannot be read")
        .contains(
            "locked/tracker_2021.xlsx (1 rows): locked/tracker_2021.xlsx, sheet 'Dataset 1': the"
                + " workbook is encrypted (password protected)");
    assertThat(sql("SELECT source, file, line, raw, rule FROM silver.quarantine"))
        .containsExactly(
            "source,file,line,raw,rule", "locked,locked/tracker_2021.xlsx,0,,unreadable_file");
    assertThat(sql("SELECT status FROM ops.runs")).containsExactly("status", "partial");
  }

  private static List<String> sql(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }
}
