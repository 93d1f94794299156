package coopstats.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCsvRecords {
  @Test
  void linesSplitAtEveryLineEndAsTheRegularExpressionDoes() {
    for (String text :
        List.of(
            "",
            "a",
            "\n",
            "a\r\nb\rc\nd",
            "a\r",
            "\r\n\r\n",
            "x\n\ry\n",
            "\r\r\n\n",
            "no end\r\n")) {
      assertThat(CsvRecords.lines(text))
          .as("lines of %s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .containsExactly(text.split("\r\n|\r|\n", -1));
    }
    assertThat(CsvRecords.lines("a\r\nb\rc\nd")).containsExactly("a", "b", "c", "d");
    assertThat(CsvRecords.lines("a\r\n")).containsExactly("a", "");
  }

  @Test
  void recordsKeepTheirStartingLineAndRawText() {
    String text = "a,b\n1,\"two\nlines\"\n\n3,x\n";
    List<Record> records = CsvRecords.split(text);
    assertThat(records)
        .containsExactly(
            new Record(1, "a,b", List.of("a", "b"), null),
            new Record(2, "1,\"two\nlines\"", List.of("1", "two\nlines"), null),
            new Record(5, "3,x", List.of("3", "x"), null));
  }

  @Test
  void anUnclosedQuoteSpoilsOnlyItsOwnLine() {
    List<Record> records = CsvRecords.split("a,b\n1,\"oops\n2,ok\n");
    assertThat(records).hasSize(3);
    assertThat(records.get(1).line()).isEqualTo(2);
    assertThat(records.get(1).error()).startsWith("unbalanced quote");
    assertThat(records.get(2)).isEqualTo(new Record(3, "2,ok", List.of("2", "ok"), null));
  }

  @Test
  void aStrayQuoteDoesNotSwallowTheRowsAfterIt() {
    List<Record> r = CsvRecords.split("a,b,c\n1,\"x,2\n3,4,5\n6,\"two\nlines\",7\n");
    assertThat(r).extracting(Record::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(r.get(1).error()).startsWith("unbalanced quote");
    assertThat(r.get(2).values()).containsExactly("3", "4", "5");
    assertThat(r.get(3).values()).containsExactly("6", "two\nlines", "7");
  }

  /** csv-spectrum's newlines_crlf: a line break inside a quoted field is part of its text. */
  @Test
  void aQuotedFieldKeepsItsLineBreaksAsDelivered() {
    List<Record> records =
        CsvRecords.split("a,b,c\r\n1,2,3\r\n\"Once upon \r\na time\",5,6\r\n7,\"x\ry\ny\",9\r\n");
    assertThat(records)
        .containsExactly(
            new Record(1, "a,b,c", List.of("a", "b", "c"), null),
            new Record(2, "1,2,3", List.of("1", "2", "3"), null),
            new Record(
                3, "\"Once upon \r\na time\",5,6", List.of("Once upon \r\na time", "5", "6"), null),
            new Record(5, "7,\"x\ry\ny\",9", List.of("7", "x\ry\ny", "9"), null));
  }

  @Test
  void crlfLineEndingsAndEmptyFields() {
    List<Record> records = CsvRecords.split("a,b,c\r\n1,,3\r\n");
    assertThat(records.get(1).values()).containsExactly("1", null, "3");
  }

  @Test
  void decodingDetectsUtf8AndFallsBack() {
    byte[] utf8Bom = "\uFEFF越南".getBytes(StandardCharsets.UTF_8);
    assertThat(Decoding.decode(utf8Bom, "auto", "GB18030").text()).isEqualTo("越南");
    byte[] gb = "越南".getBytes(Charset.forName("GB18030"));
    assertThat(Decoding.decode(gb, "auto", "GB18030").text()).isEqualTo("越南");
    byte[] cp1252 = "Ingeniería".getBytes(Charset.forName("windows-1252"));
    Decoding.Decoded d = Decoding.decode(cp1252, "auto", "windows-1252");
    assertThat(d.text()).isEqualTo("Ingeniería");
    assertThat(d.charset()).isEqualTo("windows-1252");
  }
}
