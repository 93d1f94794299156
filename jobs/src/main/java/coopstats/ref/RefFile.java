package coopstats.ref;

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
import java.util.List;
import java.util.Map;

/** A reference CSV file read into rows of named values, each row remembering its line. */
final class RefFile {
  private RefFile() {}

  record Line(Path file, long number, Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }

    String require(String column) {
      String v = get(column);
      if (v == null) {
        throw Errors.badRefFile(file.toString(), number, "column '" + column + "' is empty");
      }
      return v;
    }
  }

  static List<Line> read(Path file, String... requiredColumns) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    settings.setLineSeparatorDetectionEnabled(true);
    CsvParser parser = new CsvParser(settings);
    List<Line> lines = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parser.beginParsing(reader);
      String[] headers = parser.getContext().parsedHeaders();
      checkHeaders(file, headers, requiredColumns);
      String[] row;
      while ((row = parser.parseNext()) != null) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < headers.length && i < row.length; i++) {
          values.put(headers[i].strip(), row[i]);
        }
        lines.add(new Line(file, parser.getContext().currentLine(), values));
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw Errors.badRefFile(file.toString(), 0, "the file is missing");
    } catch (IOException e) {
      throw Errors.badRefFile(file.toString(), 0, "cannot be read (" + e + ")");
    } finally {
      parser.stopParsing();
    }
    return lines;
  }

  private static void checkHeaders(Path file, String[] headers, String[] required) {
    List<String> found = headers == null ? List.of() : List.of(headers);
    for (String column : required) {
      if (found.stream().noneMatch(h -> h.strip().equals(column))) {
        throw Errors.badRefFile(
            file.toString(), 1, "missing column '" + column + "'; found " + found);
      }
    }
  }
}
