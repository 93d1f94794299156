package coopstats.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class TestBronzeReader {
  static final Schemas SCHEMAS = Schemas.load(TestPaths.schemas());

  static List<Row> read(String source, String file, byte[] bytes) {
    SourceProfile p = SCHEMAS.profiles().get(source);
    BronzeReader reader =
        new BronzeReader(
            p,
            SCHEMAS.contract(p.kind()),
            "file:/landing",
            "r1",
            Timestamp.valueOf("2026-01-01 00:00:00"));
    List<Row> rows = new ArrayList<>();
    reader.call(RowFactory.create("file:/landing/" + file, bytes)).forEachRemaining(rows::add);
    return rows;
  }

  static String col(Row r, String source, String column) {
    SourceProfile p = SCHEMAS.profiles().get(source);
    return r.getString(BronzeSchema.of(p, SCHEMAS.contract(p.kind())).fieldIndex(column));
  }

  @Test
  void aHeaderWithAnOpenQuoteSwallowsNoRow() {
    String file =
        "record_id,year,\"month,investor,country,sector,amount,currency,unit,is_tech\n"
            + "A,2019,,X,Kenya,energy,5,USD,million,\n"
            + "B,2019,,X\",Kenya,energy,5,USD,million,\n"; // a stray quote that closes it
    List<Row> rows = read("investment", "investment/q.csv", file.getBytes(StandardCharsets.UTF_8));
    assertThat(rows).extracting(r -> r.getLong(2)).containsExactly(2L, 3L);
    assertThat(rows)
        .extracting(r -> col(r, "investment", "_error"))
        .containsExactly(
            "the header (line 1) cannot be read: unbalanced quote: a quoted header opened on this"
                + " line is not closed on it; expected [record_id, year, month, investor, country,"
                + " sector, amount, currency, unit, is_tech]",
            "unbalanced quote: a quoted field opened on this line is never closed");
    assertThat(rows)
        .extracting(r -> col(r, "investment", "_rule"))
        .containsExactly("malformed_record", "malformed_record");
  }

  @Test
  void anotherCgitReleaseWithOtherHeaderSpacingCaseAndEncodingIsRead() {
    String release =
        "YEAR, month ,Investor,Quantity in millions,Share Size,Transaction Party,SECTOR,Subsector,"
            + "Country,Region,BRI,Greenfield\n"
            + "2022,March,Électricité Chinoise,\"1,200\",,,Energy,,Côte d'Ivoire,Sub-Saharan"
            + " Africa,1,\n";
    for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"))) {
      List<Row> rows = read("cgit", "cgit/cgit_2022spring.csv", release.getBytes(cs));
      assertThat(rows).hasSize(1);
      Row r = rows.get(0);
      assertThat(col(r, "cgit", "_file")).isEqualTo("cgit/cgit_2022spring.csv");
      assertThat(r.getLong(2)).isEqualTo(2);
      assertThat(col(r, "cgit", "_error")).isNull();
      assertThat(col(r, "cgit", "_rule")).isNull();
      assertThat(col(r, "cgit", "year")).isEqualTo("2022");
      assertThat(col(r, "cgit", "month")).isEqualTo("March");
      assertThat(col(r, "cgit", "investor")).isEqualTo("Électricité Chinoise");
      assertThat(col(r, "cgit", "amount")).isEqualTo("1,200");
      assertThat(col(r, "cgit", "country")).isEqualTo("Côte d'Ivoire");
      assertThat(col(r, "cgit", "bri")).isEqualTo("1");
    }
  }

  @Test
  void aFileMissingARequiredColumnMarksEveryRowWithTheHeaders() {
    List<Row> rows =
        read("investment", "investment/x.csv", "record_id,year,country\nA,2020,VN\n".getBytes());
    assertThat(col(rows.get(0), "investment", "_error"))
        .startsWith("missing required column(s) [sector, amount, currency]")
        .contains("found [record_id, year, country]");
    assertThat(col(rows.get(0), "investment", "_rule")).isEqualTo("missing_column");
  }

  @Test
  void jsonLinesKeepUnknownKeysAsRescuedData() {
    List<Row> rows =
        read(
            "fund",
            "fund/f.jsonl",
            ("{\"record_id\":\"F1\",\"Fund_ID\":\"x\",\"fund_name\":\"X\",\"year\":2020,"
                    + "\"country\":\"越南\",\"sector\":\"ict\",\"disbursed_amount\":1.5,"
                    + "\"currency\":\"USD\",\"projects\":7}\n[1,2]\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(col(rows.get(0), "fund", "fund_id")).isEqualTo("x");
    assertThat(col(rows.get(0), "fund", "country")).isEqualTo("越南");
    assertThat(col(rows.get(0), "fund", "_rescued")).isEqualTo("{\"projects\":\"7\"}");
    assertThat(col(rows.get(1), "fund", "_error")).isEqualTo("the line is not a JSON object");
    assertThat(col(rows.get(1), "fund", "_rule")).isEqualTo("malformed_record");
    assertThat(rows.get(1).getLong(2)).isEqualTo(2);
  }

  @Test
  void jsonLinesEndInAnyLineBreakAndKeepTheirNumbers() {
    String row = "{\"record_id\":\"F%d\",\"year\":2020,\"fund_name\":\"X\"}";
    List<Row> rows =
        read(
            "fund",
            "fund/f.jsonl",
            (String.format(row, 1)
                    + "\r\n"
                    + String.format(row, 2)
                    + "\r\r"
                    + String.format(row, 3)
                    + "\n\n{\"record_id\":\"F4\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(rows).extracting(r -> r.getLong(2)).containsExactly(1L, 2L, 4L, 6L);
    assertThat(rows)
        .extracting(r -> col(r, "fund", "record_id"))
        .containsExactly("F1", "F2", "F3", "F4");
    // Lines with the same keys share a verdict; a line without a required key gets its own.
    assertThat(rows.subList(0, 3))
        .extracting(r -> col(r, "fund", "_error"))
        .containsOnly(rows.get(0).getString(6));
    assertThat(col(rows.get(3), "fund", "_error"))
        .startsWith("missing required column(s)")
        .contains("year")
        .isNotEqualTo(rows.get(0).getString(6));
    assertThat(rows).extracting(r -> col(r, "fund", "_rule")).containsOnly("missing_column");
  }

  @Test
  void aRowWithTooFewFieldsIsMalformedAndOldBronzeRowsKeepTheirRule() {
    List<Row> rows =
        read(
            "investment",
            "investment/short.csv",
            ("record_id,year,month,investor,country,sector,amount,currency,unit,is_tech\n"
                    + "A,2019\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(col(rows.get(0), "investment", "_error"))
        .isEqualTo("the row has 2 fields but the header has 10");
    assertThat(col(rows.get(0), "investment", "_rule")).isEqualTo("malformed_record");
    // Bronze rows ingested before _rule was kept have the reason alone.
    assertThat(BronzeRule.of(null, "missing required column(s) [year]; expected [year]"))
        .isEqualTo("missing_column");
    assertThat(BronzeRule.of(null, "the line is not a JSON object")).isEqualTo("malformed_record");
    assertThat(BronzeRule.of("malformed_record", "missing required column(s) [year]"))
        .isEqualTo("malformed_record");
  }

  @Test
  void jsonNumbersKeepTheirDigitsNotScientificNotation() {
    List<Row> rows =
        read(
            "fund",
            "fund/f.jsonl",
            ("{\"record_id\":\"F1\",\"year\":2020,\"disbursed_amount\":0.0006,"
                    + "\"committed_amount\":12345678.50,\"jobs\":1481}\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(col(rows.get(0), "fund", "disbursed_amount")).isEqualTo("0.0006");
    assertThat(col(rows.get(0), "fund", "committed_amount")).isEqualTo("12345678.5");
    assertThat(col(rows.get(0), "fund", "year")).isEqualTo("2020");
    assertThat(col(rows.get(0), "fund", "jobs")).isEqualTo("1481");
  }
}
