package coopstats.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.TestPaths;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wide table, as MOFCOM publishes one (countries down the side, years across), as records. */
class TestUnpivot {
  static final String PROFILE =
      """
      source: bulletin
      series: mofcom_bulletin
      kind: investment
      format: auto
      header_row: auto
      delivery: snapshot
      key: []
      columns: {country: 国家(地区)}
      constants: {currency: USD, unit: 万, sector: Unspecified}
      net_flows: true
      unpivot: {columns: '^(19|20)[0-9]{2}年?$', name_to: year, value_to: amount}
      """;

  /** A title, the header, two countries, the total row and a note, as the bulletin lays it out. */
  static final String CSV =
      """
      中国对外直接投资流量,,,
      国家(地区),2016年,2017年,备注
      肯尼亚,"1,200",-35,
      越南,,50,新
      合计,1200,15,
      注：统计口径为净额。,,,
      """;

  @TempDir static Path dir;
  static Schemas schemas;

  @BeforeAll
  static void profile() throws Exception {
    schemas = Schemas.load(withProfile(dir.resolve("ok"), PROFILE));
  }

  static Path withProfile(Path at, String profile) throws Exception {
    Path s = TestPaths.schemasWith(at, "sources/cgit.yaml", "");
    Files.writeString(s.resolve("sources/bulletin.yaml"), profile);
    return s;
  }

  static List<Row> read(String file, byte[] bytes) {
    return read(schemas, file, bytes);
  }

  static List<Row> read(Schemas schemas, String file, byte[] bytes) {
    SourceProfile p = schemas.profiles().get("bulletin");
    BronzeReader reader =
        new BronzeReader(
            p,
            schemas.contract(p.kind()),
            "file:/landing",
            "r1",
            Timestamp.valueOf("2026-01-01 00:00:00"));
    List<Row> rows = new ArrayList<>();
    reader.call(RowFactory.create("file:/landing/" + file, bytes)).forEachRemaining(rows::add);
    return rows;
  }

  static List<String> cols(Row r, String... columns) {
    SourceProfile p = schemas.profiles().get("bulletin");
    var schema = BronzeSchema.of(p, schemas.contract(p.kind()));
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      Object v = r.get(schema.fieldIndex(c));
      out.add(v == null ? null : v.toString());
    }
    return out;
  }

  /** A read row's values, then null: the row broke no rule. */
  private static List<String> row(String... values) {
    List<String> out = new ArrayList<>(List.of(values));
    out.add(null);
    return out;
  }

  @Test
  void eachNonBlankCellIsOneRecordNamedByItsRowAndHeader() {
    List<Row> rows = read("bulletin/b.csv", CSV.getBytes(StandardCharsets.UTF_8));
    // The title is above the header; the blank cell and the note under the table give no record.
    assertThat(rows)
        .extracting(r -> cols(r, "_line", "record_id", "year", "country", "amount", "_rule"))
        .containsExactly(
            row("3", "bulletin/b.csv#3:2016年", "2016年", "肯尼亚", "1,200"),
            row("3", "bulletin/b.csv#3:2017年", "2017年", "肯尼亚", "-35"),
            row("4", "bulletin/b.csv#4:2017年", "2017年", "越南", "50"),
            // The total row is records like any other: silver rejects its country, 合计.
            row("5", "bulletin/b.csv#5:2016年", "2016年", "合计", "1200"),
            row("5", "bulletin/b.csv#5:2017年", "2017年", "合计", "15"));
    assertThat(cols(rows.get(1), "_raw")).containsExactly("[2017年] 肯尼亚,\"1,200\",-35,");
    // The other years are not rescued: each is its own record.
    assertThat(cols(rows.get(2), "_rescued").get(0)).contains("新").doesNotContain("2016");
  }

  @Test
  void aWorkbookIsUnpivotedTheSameWay() throws Exception {
    byte[] book;
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("表1");
      Workbooks.row(s, 1, "中国对外直接投资流量");
      Workbooks.row(s, 3, "国家(地区)", "2016年", "2017年");
      Workbooks.row(s, 4, "肯尼亚", 1200, -35.5);
      Workbooks.row(s, 5, "越南", null, 50);
      Workbooks.row(s, 7, "注：统计口径为净额。");
      book = Workbooks.bytes(wb);
    }
    assertThat(read("bulletin/b.xlsx", book))
        .extracting(r -> cols(r, "_sheet", "_line", "record_id", "year", "country", "amount"))
        .containsExactly(
            List.of("表1", "4", "bulletin/b.xlsx#表1!4:2016年", "2016年", "肯尼亚", "1200"),
            List.of("表1", "4", "bulletin/b.xlsx#表1!4:2017年", "2017年", "肯尼亚", "-35.5"),
            List.of("表1", "5", "bulletin/b.xlsx#表1!5:2017年", "2017年", "越南", "50"));
  }

  @Test
  void anUnpivotThatNamesNoCanonicalColumnStopsTheRun() throws Exception {
    Path bad =
        withProfile(dir.resolve("bad"), PROFILE.replace("value_to: amount", "value_to: sum"));
    assertThatThrownBy(() -> Schemas.load(bad))
        .hasMessageContaining("bulletin.yaml")
        .hasMessageContaining("unpivot names column 'sum', which is not one of");
    Path mapped =
        withProfile(
            dir.resolve("mapped"),
            PROFILE.replace("{country: 国家(地区)}", "{country: 国家(地区), year: 年份}"));
    assertThatThrownBy(() -> Schemas.load(mapped))
        .hasMessageContaining("column 'year' is filled by unpivot");
  }

  @Test
  void aRowWhoseOwnTotalIsNotTheSumOfItsCellsAddsItsTotalAsAQuarantinedRecord() throws Exception {
    Schemas checked =
        Schemas.load(
            withProfile(
                dir.resolve("total"),
                PROFILE.replace(
                    "value_to: amount}",
                    "value_to: amount, total: 合计," + " total_tolerance: 0.5}")));
    String csv =
        """
        国家(地区),2016年,2017年,合计
        肯尼亚,"1,200",-35,"1,165.4"
        越南,n/a,50,49
        老挝,10,20,31
        """;
    List<Row> rows = read(checked, "bulletin/t.csv", csv.getBytes(StandardCharsets.UTF_8));
    // Kenya's total is within the tolerance; Vietnam's cell is not a number, so its row is not
    // checked; Laos's total is 1 more than its cells: every cell is kept, and the total is added.
    assertThat(rows)
        .extracting(r -> cols(r, "_line", "year", "country", "amount", "_rule"))
        .containsExactly(
            row("2", "2016年", "肯尼亚", "1,200"),
            row("2", "2017年", "肯尼亚", "-35"),
            row("3", "2016年", "越南", "n/a"),
            row("3", "2017年", "越南", "50"),
            row("4", "2016年", "老挝", "10"),
            row("4", "2017年", "老挝", "20"),
            List.of("4", "合计", "老挝", "31", "total_mismatch"));
    assertThat(cols(rows.get(6), "record_id", "_raw", "_error"))
        .containsExactly(
            "bulletin/t.csv#4:合计",
            "[合计] 老挝,10,20,31",
            "bulletin/t.csv, row 4: the file's total '合计' is 31 but the cells read from the row"
                + " sum to 30 (tolerance 0.5); the cells are kept as read. Ask the publisher which"
                + " is right, or widen unpivot's total_tolerance in the source's profile if the"
                + " difference is rounding");
    // In a workbook, the reason names the sheet too.
    byte[] book;
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("表1");
      Workbooks.row(s, 1, "国家(地区)", "2016年", "2017年", "合计");
      Workbooks.row(s, 2, "老挝", 10, 20, 31);
      book = Workbooks.bytes(wb);
    }
    assertThat(read(checked, "bulletin/t.xlsx", book))
        .extracting(r -> cols(r, "_sheet", "_line", "record_id", "_rule"))
        .containsExactly(
            row("表1", "2", "bulletin/t.xlsx#表1!2:2016年"),
            row("表1", "2", "bulletin/t.xlsx#表1!2:2017年"),
            List.of("表1", "2", "bulletin/t.xlsx#表1!2:合计", "total_mismatch"));
    assertThat(cols(read(checked, "bulletin/t.xlsx", book).get(2), "_error").get(0))
        .startsWith(
            "bulletin/t.xlsx, sheet '表1', row 2: the file's total '合计' is 31 but the cells read"
                + " from the row sum to 30 (tolerance 0.5)");
  }

  @Test
  void aToleranceWithoutATotalStopsTheRun() throws Exception {
    Path bad =
        withProfile(
            dir.resolve("tolerance"),
            PROFILE.replace("value_to: amount}", "value_to: amount, total_tolerance: 1}"));
    assertThatThrownBy(() -> Schemas.load(bad))
        .hasMessageContaining("bulletin.yaml")
        .hasMessageContaining("unpivot total_tolerance needs total");
  }
}
