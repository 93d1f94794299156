package coopstats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV file's header, and the landing columns its fields are read into, as bronze reads them. */
class TestCsvHeader {
  @TempDir Path dir;

  @Test
  void theHeaderIsTheFirstNonBlankLineWithQuotedFields() throws Exception {
    Path file = dir.resolve("part-0.csv");
    Files.writeString(
        file,
        "\n\"Record ID\",\"a \"\"quoted\"\", name\",year\n1,x,2020\n",
        StandardCharsets.UTF_8);

    assertThat(CsvHeader.fields(file)).containsExactly("Record ID", "a \"quoted\", name", "year");
  }

  @Test
  void fieldsMatchTrimmedIgnoringCaseAndSpacingAndTheRestAreExtra() {
    Map<String, String> mapping = Map.of("record_id", "Record ID", "year", "Year");

    assertThat(CsvHeader.columns(List.of(" record   id ", "YEAR", "note", "year"), mapping))
        .containsExactly("record_id", "year", "_extra2", "_extra3");
  }
}
