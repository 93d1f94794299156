package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One delivery of everything that goes wrong in real files, through the real command line: the run
 * succeeds, every delivered row is in silver or in quarantine with a reason, and the good rows come
 * through intact.
 */
@Tag(Tags.OWN_RUNS)
class TestBadInput {
  static final String HEADER =
      "record_id,year,month,investor,country,sector,amount,currency,unit,is_tech\n";
  @TempDir static Path dir;
  static Cli run;

  @BeforeAll
  static void deliverAndRun() throws IOException {
    Path inv = Files.createDirectories(dir.resolve("landing/investment"));
    Files.writeString(
        inv.resolve("malformed.csv"),
        HEADER
            + "M1,2019,,X,Kenya,energy,\"5,USD,million,\n" // unbalanced quote
            + "M2,2019,,X,Kenya,energy,5,USD\n" // too few fields
            + "M3,2019,,\"Two\nLines\",Kenya,energy,5,USD,million,\n" // embedded newline: valid
            + "\n"
            + "   \n"
            + "Total,,,,,,1234,,,\n"); // a totals row pasted at the bottom
    Files.write(
        inv.resolve("bom.csv"),
        ("\uFEFF" + HEADER + "B1,2019,,X,Kenya,energy,5,USD,million,\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.write(
        inv.resolve("gb.csv"),
        (HEADER + "G1,2019,,中国电建,巴基斯坦,energy,1.5,人民币,亿,\n").getBytes(Charset.forName("GB18030")));
    Files.writeString(
        inv.resolve("values.csv"),
        HEADER
            + "V1,2019,,X,Kenya,energy,N/A,USD,million,\n"
            + "V2,2019,,X,Kenya,energy,—,USD,million,\n"
            + "V3,2019,,X,Kenya,energy,1.2.3,USD,million,\n"
            + "V4,2019,,X,Kenya,energy,-5,USD,million,\n"
            + "V5,2019,,X,Kenya,energy,\"1,250\",USD,,\n"
            + "V6,2019,,X,Kenya,energy,\"2,5\",USD,million,\n"
            + "V7,2019,,X,Kenya,energy,5,ZZZ,million,\n"
            + "V8,1850,,X,Kenya,energy,5,USD,million,\n"
            + "V9,2019,,X,Atlantis,energy,5,USD,million,\n"
            + "V10,2019,,X,Kenya,basket weaving,5,USD,million,\n");
    Files.writeString(
        inv.resolve("drift_extra.csv"),
        "record_id,year,month,investor,country,sector,amount,currency,unit,is_tech,note\n"
            + "D1,2019,,X,Kenya,energy,5,USD,million,,a note\n");
    Files.writeString(
        inv.resolve("drift_renamed.csv"),
        "record_id,year,month,investor,nation,sector,amount,currency,unit,is_tech\n"
            + "R1,2019,,X,Kenya,energy,5,USD,million,\n");
    // csv-spectrum's newlines_crlf: a file with CRLF line ends, and a CRLF inside a quoted field.
    Files.write(
        inv.resolve("crlf.csv"),
        (HEADER.replace("\n", "\r\n")
                + "C1,2019,,\"Once upon \r\na time\",Kenya,energy,5,USD,million,\r\n"
                + "C2,2019,,X,Kenya,energy,5,USD,million,\r\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.writeString(inv.resolve("empty.csv"), HEADER);
    Files.write(inv.resolve("zero.csv"), new byte[0]);
    byte[] binary = new byte[2048];
    new Random(7).nextBytes(binary);
    Files.write(inv.resolve("dropped_by_mistake.csv"), binary);

    Path fund = Files.createDirectories(dir.resolve("landing/fund"));
    Files.writeString(
        fund.resolve("f.jsonl"),
        "{\"record_id\":\"J1\",\"fund_id\":\"silk_road_fund\",\"fund_name\":\"Silk Road Fund\","
            + "\"year\":2019,\"country\":\"Kenya\",\"sector\":\"energy\",\"disbursed_amount\":2,"
            + "\"currency\":\"USD\",\"unit\":\"million\"}\n"
            + "[1, 2, 3]\n"
            + "{\"record_id\":\"J3\",\"fund_id\":\"silk_road_fund\",\"fund_name\":\"x\","
            + "\"year\":{\"y\":2019},\"country\":\"Kenya\",\"sector\":\"energy\","
            + "\"disbursed_amount\":2,\"currency\":\"USD\"}\n"
            + "{\"record_id\":\"J4\",\"fund_id\":\"silk_road_fund\",\"fund_name\":\"x\","
            + "\"year\":\"soon\",\"country\":\"Kenya\",\"sector\":\"energy\","
            + "\"disbursed_amount\":2,\"currency\":\"USD\"}\n"
            + "{not json\n");
    run =
        Cli.run(
            "run",
            "--landing",
            dir.resolve("landing").toString(),
            "--warehouse",
            dir.resolve("warehouse").toString());
  }

  @Test
  void theRunSucceedsAndAccountsForEveryRow() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(sql("SELECT reconciliation FROM ops.runs"))
        .containsExactly("reconciliation", "balanced");
    assertThat(
            sql("SELECT count(*) AS n FROM silver.quarantine WHERE reason IS NULL OR reason = ''"))
        .containsExactly("n", "0");
  }

  @Test
  void malformedCsvRowsAreQuarantinedAndTheRestComeThrough() {
    assertThat(
            sql(
                "SELECT line, rule FROM silver.quarantine WHERE file = 'investment/malformed.csv'"
                    + " ORDER BY line"))
        .containsExactly("line,rule", "2,malformed_record", "3,malformed_record", "8,not_null");
    assertThat(sql("SELECT investor FROM silver.investment WHERE record_id = 'M3'"))
        .containsExactly("investor", "\"Two", "Lines\"");
  }

  @Test
  void aLineBreakInsideAQuotedFieldIsKeptByteForByte() {
    assertThat(
            sql(
                "SELECT _line, hex(investor) AS investor, hex(_raw) AS raw FROM bronze.investment"
                    + " WHERE _file = 'investment/crlf.csv' ORDER BY _line"))
        .containsExactly(
            "_line,investor,raw",
            "2,"
                + hex("Once upon \r\na time")
                + ","
                + hex("C1,2019,,\"Once upon \r\na time\",Kenya,energy,5,USD,million,"),
            "4," + hex("X") + "," + hex("C2,2019,,X,Kenya,energy,5,USD,million,"));
    assertThat(
            sql("SELECT hex(investor) AS investor FROM silver.investment WHERE record_id = 'C1'"))
        .containsExactly("investor", hex("Once upon \r\na time"));
  }

  private static String hex(String text) {
    return java.util.HexFormat.of()
        .withUpperCase()
        .formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encodingsComeThroughIntact() {
    assertThat(
            sql(
                "SELECT record_id, investor, country_iso3, currency, amount_usd FROM silver.investment"
                    + " WHERE record_id IN ('B1', 'G1') ORDER BY 1"))
        .hasSize(3)
        .contains("B1,X,KEN,USD,5000000.00")
        .anySatisfy(l -> assertThat(l).startsWith("G1,中国电建,PAK,CNY,"));
  }

  @Test
  void badValuesGoToQuarantineWithTheirRule() {
    assertThat(
            sql(
                "SELECT line, rule FROM silver.quarantine WHERE file = 'investment/values.csv'"
                    + " ORDER BY line"))
        .containsExactly(
            "line,rule",
            "2,invalid_number",
            "3,invalid_number",
            "4,invalid_number",
            "5,negative_amount",
            "8,unknown_currency",
            "9,range",
            "10,unknown_country");
    // Thousands separators and a decimal comma are read; an unknown sector is kept, unclassified.
    assertThat(
            sql(
                "SELECT record_id, amount_usd, is_tech FROM silver.investment"
                    + " WHERE record_id IN ('V5', 'V6', 'V10') ORDER BY 1"))
        .containsExactly(
            "record_id,amount_usd,is_tech",
            "V10,5000000.00,",
            "V5,1250.00,false",
            "V6,2500000.00,false");
  }

  @Test
  void badJsonLinesAreQuarantinedWithTheirReason() {
    assertThat(
            sql(
                "SELECT line, rule, reason FROM silver.quarantine WHERE file = 'fund/f.jsonl'"
                    + " ORDER BY line"))
        .hasSize(5)
        .satisfies(
            l ->
                assertThat(l.get(1)).startsWith("2,malformed_record,the line is not a JSON object"))
        .satisfies(
            l -> assertThat(l.get(2)).startsWith("3,malformed_record,\"field 'year' is an object"))
        .satisfies(l -> assertThat(l.get(3)).startsWith("4,invalid_number,"))
        .satisfies(l -> assertThat(l.get(4)).startsWith("5,malformed_record,not valid JSON"));
    assertThat(sql("SELECT record_id FROM silver.fund")).containsExactly("record_id", "J1");
  }

  @Test
  void schemaDriftKeepsExtraColumnsAndRejectsAFileWithoutARequiredOne() {
    assertThat(
            sql(
                "SELECT _rescued FROM bronze.investment WHERE _file = 'investment/drift_extra.csv'"))
        .containsExactly("_rescued", "\"{\"\"note\"\":\"\"a note\"\"}\"");
    // The extra column is reported: in the run's summary and in ops.quality.
    assertThat(run.out())
        .contains("extra       investment/drift_extra.csv: columns [note] kept in bronze _rescued");
    assertThat(
            sql(
                "SELECT table_name, action, rows FROM ops.quality WHERE rule = 'extra_columns'"
                    + " ORDER BY ALL"))
        .containsExactly(
            "table_name,action,rows", "bronze.fund,warn,0", "bronze.investment,warn,1");
    assertThat(sql("SELECT record_id FROM silver.investment WHERE record_id = 'D1'")).hasSize(2);
    assertThat(
            sql(
                "SELECT rule, reason FROM silver.quarantine"
                    + " WHERE file = 'investment/drift_renamed.csv'"))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("missing_column,\"missing required column(s) [country]; expected [")
        .contains("found [record_id, year, month, investor, nation,");
  }

  @Test
  void oddFilesNeverStopTheRun() {
    // Header-only and zero-byte files deliver no row; a binary file's lines are all quarantined.
    assertThat(
            sql(
                "SELECT count(*) AS n FROM bronze.investment"
                    + " WHERE _file IN ('investment/empty.csv', 'investment/zero.csv')"))
        .containsExactly("n", "0");
    assertThat(
            sql(
                "SELECT count(*) > 0 AS any, count_if(rule IS NULL) AS unexplained FROM"
                    + " silver.quarantine WHERE file = 'investment/dropped_by_mistake.csv'"))
        .containsExactly("any,unexplained", "true,0");
    assertThat(sql("SELECT count(*) AS n FROM silver.investment WHERE _file LIKE '%mistake%'"))
        .containsExactly("n", "0");
  }

  private static List<String> sql(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }
}
