package coopstats.ref;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import coopstats.CoopstatsException;
import coopstats.Errors;
import coopstats.contract.ColumnSpec;
import coopstats.contract.TableSchema;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A reference CSV file read by header name into rows of its table, each value typed as the table's
 * schema file says. The header names the table's columns, in any order, except those coopstats
 * fills in itself; a blank value is null, and an error names the file and the line.
 */
final class RefFile {
  private RefFile() {}

  /** One line of the file: its values by header, stripped. */
  private record Line(Path file, long number, Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }

    CoopstatsException error(String problem) {
      return Errors.badRefFile(file.toString(), number, problem);
    }
  }

  /** The rows of {@code file}, one map per line with every column but {@code derived}. */
  static List<Map<String, Object>> read(Path file, TableSchema table, Set<String> derived) {
    List<ColumnSpec> columns =
        table.columns().stream().filter(c -> !derived.contains(c.name())).toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Line l : lines(file, columns.stream().map(ColumnSpec::name).toList(), table.table())) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (ColumnSpec c : columns) {
        row.put(c.name(), value(l, c, table));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object value(Line l, ColumnSpec c, TableSchema table) {
    String v = l.get(c.name());
    if (v == null) {
      if (!c.isNullable()) {
        throw l.error("column '" + c.name() + "' is empty");
      }
      return null;
    }
    String type = c.type().startsWith("decimal") ? "decimal" : c.type();
    return switch (type) {
      case "string" -> v;
      case "int" -> parse(l, c, v, Integer::valueOf, "is not a whole number");
      case "decimal" -> parse(l, c, v, BigDecimal::new, "is not a decimal number");
      case "date" -> parse(l, c, v, LocalDate::parse, "is not a date (yyyy-MM-dd)");
      case "boolean" -> bool(l, c, v);
      default ->
          throw Errors.badSchemaFile(
              table.table(),
              "column "
                  + c.name()
                  + " has type "
                  + c.type()
                  + ", which a reference file cannot give; use string, int, decimal, date or"
                  + " boolean");
    };
  }

  private static <T> T parse(
      Line l, ColumnSpec c, String v, Function<String, T> parse, String notWhat) {
    try {
      return parse.apply(v);
    } catch (RuntimeException e) {
      throw l.error(c.name() + " '" + v + "' " + notWhat);
    }
  }

  private static Boolean bool(Line l, ColumnSpec c, String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw l.error(c.name() + " must be true or false, found '" + v + "'");
    }
    return Boolean.valueOf(v);
  }

  private static List<Line> lines(Path file, List<String> expected, String table) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    settings.setLineSeparatorDetectionEnabled(true);
    CsvParser parser = new CsvParser(settings);
    List<Line> lines = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parser.beginParsing(reader);
      String[] headers = parser.getContext().parsedHeaders();
      List<String> found =
          headers == null ? List.of() : List.of(headers).stream().map(String::strip).toList();
      checkHeaders(file, found, expected, table);
      String[] row;
      while ((row = parser.parseNext()) != null) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < found.size() && i < row.length; i++) {
          values.put(found.get(i), row[i]);
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

  /** The header names exactly the expected columns, in any order; else the file is refused. */
  private static void checkHeaders(
      Path file, List<String> found, List<String> expected, String table) {
    List<String> missing = expected.stream().filter(c -> !found.contains(c)).toList();
    List<String> unexpected = found.stream().filter(h -> !expected.contains(h)).toList();
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return;
    }
    String problem =
        (missing.isEmpty() ? "" : "the header lacks " + missing)
            + (missing.isEmpty() || unexpected.isEmpty() ? "" : ", and ")
            + (unexpected.isEmpty()
                ? ""
                : "the header has " + unexpected + ", not columns of " + table)
            + "; it must name the columns "
            + String.join(", ", expected)
            + ", in any order";
    throw Errors.badRefFile(file.toString(), 1, problem);
  }
}
