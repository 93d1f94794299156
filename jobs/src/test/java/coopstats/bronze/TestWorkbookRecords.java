package coopstats.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.contract.SourceProfile;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Workbooks read into bronze as a person sees them: titles above the header skipped, cell text as
 * shown, each row with its sheet and its row number as Excel shows it; a workbook that cannot be
 * read leaves one row that says why.
 */
class TestWorkbookRecords {
  static final List<String> COLUMNS =
      List.of(
          "_line",
          "_raw",
          "year",
          "month",
          "investor",
          "amount",
          "share_size",
          "sector",
          "country",
          "_rescued",
          "_rule",
          "_error");

  @Test
  void titlesAreSkippedAndCellsReadAsShown() throws Exception {
    assertThat(read(null, null, Workbooks.tracker()))
        .containsExactly(
            List.of(
                "7",
                "[Dataset 1] 2019,March,Chery,1740,12.5,Transport,Brazil,first",
                "2019",
                "March",
                "Chery",
                "1740",
                "12.5",
                "Transport",
                "Brazil",
                "{\"notes\":\"first\"}",
                "-",
                "-"),
            List.of(
                "8",
                "[Dataset 1] 2020,2020-01-15,\"Huawei, Ltd\",1200.5,,Energy,Kenya",
                "2020",
                "2020-01-15",
                "Huawei, Ltd",
                "1200.5",
                "-",
                "Energy",
                "Kenya",
                "{\"notes\":null}",
                "-",
                "-"),
            List.of(
                "10",
                "[Dataset 1] 2021,,Sinopec,\"1,200\",0.3,Energy,Angola",
                "2021",
                "-",
                "Sinopec",
                "1,200",
                "0.3",
                "Energy",
                "Angola",
                "{\"notes\":null}",
                "-",
                "-"));
  }

  /**
   * The same workbook saved as .xls reads into the same rows, cell text and lineage, whether the
   * profile says xls or auto; the sheet's name is kept as for an .xlsx.
   */
  @Test
  void anXlsWorkbookReadsAsTheSameXlsxWould() throws Exception {
    List<List<String>> xlsx = read(null, null, Workbooks.tracker());
    assertThat(xlsx).hasSize(3);
    assertThat(read("xls", "cgit/tracker.xls", null, null, Workbooks.trackerXls())).isEqualTo(xlsx);
    assertThat(read("auto", "cgit/tracker.xls", "Dataset 1", "6", Workbooks.trackerXls()))
        .isEqualTo(xlsx);
    assertThat(read("xls", "cgit/tracker.xls", "dataset 2", null, Workbooks.trackerXls()))
        .isEqualTo(read("dataset 2", null, Workbooks.tracker()));
    assertThat(read("xls", "cgit/tracker.xls", "Dataset 3", null, Workbooks.trackerXls()))
        .containsExactly(
            fileRow(
                "unreadable_file",
                "cgit/tracker.xls, sheet 'Dataset 3': the workbook has no sheet 'Dataset 3';"
                    + " its sheets are [Dataset 1, Dataset 2]. Name one of them under sheet: (or"
                    + " sheets:) in the source's profile"));
    assertThat(sheets("cgit/tracker.xls", Workbooks.trackerXls()))
        .containsExactly("Dataset 1", "Dataset 1", "Dataset 1");
    byte[] whole = Workbooks.trackerXls();
    List<List<String>> truncated =
        read("xls", "cgit/tracker.xls", null, null, Arrays.copyOf(whole, whole.length / 2));
    assertThat(truncated).hasSize(1);
    assertThat(truncated.get(0).subList(0, 11))
        .isEqualTo(fileRow("unreadable_file", "").subList(0, 11));
    assertThat(truncated.get(0).get(11)).startsWith("cgit/tracker.xls, the first sheet: ");
  }

  @Test
  void aHeaderRowNumberReadsTheSameRows() throws Exception {
    assertThat(read("Dataset 1", "6", Workbooks.tracker()))
        .isEqualTo(read(null, "auto", Workbooks.tracker()));
  }

  @Test
  void theProfilesSheetIsReadWhateverItsCase() throws Exception {
    assertThat(read("dataset 2", null, Workbooks.tracker()))
        .containsExactly(
            List.of(
                "2",
                "[Dataset 2] 2018,300,Metals,Peru",
                "2018",
                "-",
                "-",
                "300",
                "-",
                "Metals",
                "Peru",
                "-",
                "-",
                "-"));
  }

  /**
   * The built-in CGIT profile reads the investments and construction sheets of AEI's workbook, each
   * row with its sheet, and the contractor as the investor; troubled transactions and the combined
   * sheet are not read.
   */
  @Test
  void theCgitProfileReadsTwoSheetsOfTheTrackerEachRowWithItsSheet() throws Exception {
    SourceProfile cgit = TestBronzeReader.SCHEMAS.profiles().get("cgit");
    var contract = TestBronzeReader.SCHEMAS.contract(cgit.kind());
    StructType schema = BronzeSchema.of(cgit, contract);
    BronzeReader reader =
        new BronzeReader(
            cgit, contract, "file:/landing", "r1", Timestamp.valueOf("2026-01-01 00:00:00"));
    List<String> rows = new ArrayList<>();
    reader
        .call(RowFactory.create("file:/landing/cgit/aei.xlsx", Workbooks.aei()))
        .forEachRemaining(
            (Row r) ->
                rows.add(
                    String.join(
                        " | ",
                        r.getString(schema.fieldIndex("_sheet")),
                        Long.toString(r.getLong(schema.fieldIndex("_line"))),
                        r.getString(schema.fieldIndex("investor")),
                        r.getString(schema.fieldIndex("amount")),
                        String.valueOf(r.getString(schema.fieldIndex("_error"))))));
    assertThat(rows)
        .containsExactly(
            "Dataset 1 | 7 | Chery | 1740 | null",
            "Dataset 1 | 8 | Huawei | 120.5 | null",
            "Dataset 1 | 9 | Sinopec | 1,037 | null",
            "Dataset 2 | 7 | China Railway Construction | 540 | null",
            "Dataset 2 | 8 | PowerChina | 300 | null");
    assertThat(cgit.seriesOf("Dataset 1")).isEqualTo("cgit");
    assertThat(cgit.seriesOf("dataset 2 ")).isEqualTo("cgit_construction");
    assertThat(cgit.seriesOf(null)).isEqualTo("cgit");
  }

  @Test
  void aMissingSheetLeavesOneRowThatNamesTheSheets() throws Exception {
    assertThat(read("Dataset 3", null, Workbooks.tracker()))
        .containsExactly(
            fileRow(
                "unreadable_file",
                "cgit/tracker.xlsx, sheet 'Dataset 3': the workbook has no sheet 'Dataset 3';"
                    + " its sheets are [Dataset 1, Dataset 2]. Name one of them under sheet: (or"
                    + " sheets:) in the source's profile"));
  }

  @Test
  void aHeaderThatIsNotFoundLeavesOneRowThatSaysWhichHeadersAreMissing() throws Exception {
    String expected =
        "; expected [record_id, Year, Month, Investor, Country, Sector, Quantity in Millions, currency,"
            + " unit, is_tech, Share Size, Transaction Party, Subsector, Region, BRI,"
            + " Greenfield]. Set header_row: in the source's profile, or map the headers under"
            + " columns:";
    assertThat(read(null, null, Workbooks.titleOnly()))
        .containsExactly(
            fileRow(
                "missing_column",
                "missing required column(s) [Year, Country, Sector, Quantity in Millions]: no row"
                    + " of cgit/tracker.xlsx, sheet 'Notes' holds them all"
                    + expected));
    assertThat(read(null, "3", Workbooks.tracker()))
        .containsExactly(
            fileRow(
                "missing_column",
                "missing required column(s) [Year, Country, Sector, Quantity in Millions]: row 3"
                    + " of cgit/tracker.xlsx, sheet 'Dataset 1' is blank"
                    + expected));
  }

  @Test
  void anEncryptedWorkbookLeavesOneRowThatSaysSo() throws Exception {
    assertThat(read(null, null, Workbooks.encrypted(Workbooks.tracker())))
        .containsExactly(
            fileRow(
                "unreadable_file",
                "cgit/tracker.xlsx, the first sheet: the workbook is encrypted (password"
                    + " protected), so it cannot be read. Save it again without a password and"
                    + " redeliver it"));
  }

  @Test
  void aTruncatedOrDamagedWorkbookLeavesOneRowThatSaysSo() throws Exception {
    byte[] whole = Workbooks.tracker();
    for (byte[] bad :
        List.of(
            Arrays.copyOf(whole, whole.length / 2),
            "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      List<List<String>> rows = read(null, null, bad);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).subList(0, 11))
          .isEqualTo(fileRow("unreadable_file", "").subList(0, 11));
      assertThat(rows.get(0).get(11))
          .startsWith(
              "cgit/tracker.xlsx, the first sheet: the workbook cannot be read as .xlsx"
                  + " (truncated or damaged?): ")
          .endsWith(". Redeliver the file as saved by Excel");
    }
  }

  /**
   * A zip bomb (a sheet that inflates a thousand times its compressed size) is refused by POI's
   * guard, which stays on: one unreadable_file row names the file, the sheet and why, and the run
   * goes on.
   */
  @Test
  void aZipBombLeavesOneRowThatSaysSo() throws Exception {
    byte[] bomb = Workbooks.zipBomb(8);
    assertThat(bomb.length).isLessThan(100_000);
    for (String sheet : java.util.Arrays.asList(null, "Dataset 2")) {
      String label = sheet == null ? "the first sheet" : "sheet 'Dataset 2'";
      assertThat(read(sheet, null, bomb))
          .containsExactly(
              fileRow(
                  "unreadable_file",
                  "cgit/tracker.xlsx, "
                      + label
                      + ": the workbook's part xl/worksheets/sheet1.xml inflates to more than"
                      + " 100 times its compressed size, so POI refuses it as a possible zip"
                      + " bomb. Open the file in Excel and save it again, or ask its publisher"
                      + " for a copy that is not padded"));
    }
  }

  @Test
  void numbersShowTheDigitsExcelKeeps() {
    assertThat(
            List.of(1740.0, 12.5, 0.0006, -3.0, 0.1 + 0.2, 1e20, -0.0).stream()
                .map(ShownText::plain))
        .containsExactly("1740", "12.5", "0.0006", "-3", "0.3", "100000000000000000000", "0");
  }

  private static List<String> fileRow(String rule, String error) {
    return List.of("0", "-", "-", "-", "-", "-", "-", "-", "-", "-", rule, error);
  }

  /** Each bronze row of {@code cgit/tracker.xlsx} read through the CGIT profile as a workbook. */
  private static List<List<String>> read(String sheet, String headerRow, byte[] bytes) {
    return read("xlsx", "cgit/tracker.xlsx", sheet, headerRow, bytes);
  }

  /** The {@code _sheet} of each bronze row of {@code file}, read with {@code format: xls}. */
  private static List<String> sheets(String file, byte[] bytes) {
    SourceProfile p = profile("xls", null, null);
    var contract = TestBronzeReader.SCHEMAS.contract(p.kind());
    int at = BronzeSchema.of(p, contract).fieldIndex("_sheet");
    List<String> out = new ArrayList<>();
    new BronzeReader(p, contract, "file:/landing", "r1", Timestamp.valueOf("2026-01-01 00:00:00"))
        .call(RowFactory.create("file:/landing/" + file, bytes))
        .forEachRemaining((Row r) -> out.add(r.getString(at)));
    return out;
  }

  /** Each bronze row of {@code file} read through the CGIT profile with {@code format}. */
  private static List<List<String>> read(
      String format, String file, String sheet, String headerRow, byte[] bytes) {
    SourceProfile p = profile(format, sheet, headerRow);
    var contract = TestBronzeReader.SCHEMAS.contract(p.kind());
    BronzeReader reader =
        new BronzeReader(
            p, contract, "file:/landing", "r1", Timestamp.valueOf("2026-01-01 00:00:00"));
    StructType schema = BronzeSchema.of(p, contract);
    List<List<String>> out = new ArrayList<>();
    reader
        .call(RowFactory.create("file:/landing/" + file, bytes))
        .forEachRemaining(
            (Row r) -> {
              assertThat(r.getString(schema.fieldIndex("_file"))).isEqualTo(file);
              List<String> values = new ArrayList<>();
              for (String c : COLUMNS) {
                Object v = r.get(schema.fieldIndex(c));
                values.add(v == null ? "-" : v.toString());
              }
              out.add(values);
            });
    return out;
  }

  private static SourceProfile profile(String format, String sheet, String headerRow) {
    SourceProfile cgit = TestBronzeReader.SCHEMAS.profiles().get("cgit");
    return new SourceProfile(
        cgit.source(),
        cgit.series(),
        cgit.kind(),
        cgit.description(),
        format,
        null,
        null,
        cgit.delivery(),
        cgit.key(),
        cgit.columns(),
        cgit.extraColumns(),
        cgit.constants(),
        null,
        sheet,
        null,
        headerRow,
        null,
        null);
  }
}
