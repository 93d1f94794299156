package coopstats.bronze;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits CSV text into records, each with the physical line it starts on and its raw text. A quoted
 * field may span lines. A quote that is never closed, or whose record only closes lines later with
 * the wrong number of fields, makes only its own line malformed, and reading resumes on the next
 * line: one stray quote never swallows the rows after it. The header is always one line. A record's
 * raw text and its fields keep the line breaks inside quotes as delivered ({@code \r\n}, {@code \r}
 * or {@code \n}): a field's text is the delivered text.
 */
final class CsvRecords {
  private CsvRecords() {}

  /** The header (first non-blank record) and every following non-blank record. */
  static List<Record> split(String text) {
    String[] lines = lines(text);
    int[] starts = starts(lines, text);
    CsvParser parser = newParser();
    List<Record> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      int end = closingLine(lines, i);
      if (out.isEmpty() && end > i) {
        // A header is one line: a quote left open in it would otherwise swallow the rows below.
        out.add(
            new Record(
                i + 1,
                lines[i],
                null,
                "unbalanced quote: a quoted header opened on this line is not closed on it"));
        i++;
        continue;
      }
      if (end < 0) {
        out.add(
            new Record(
                i + 1,
                lines[i],
                null,
                "unbalanced quote: a quoted field opened on this line is never closed"));
        i++;
        continue;
      }
      String raw = text.substring(starts[i], starts[end] + lines[end].length());
      String[] fields = parser.parseLine(raw);
      int width = out.isEmpty() || out.get(0).values() == null ? -1 : out.get(0).values().size();
      if (end > i && width >= 0 && (fields == null || fields.length != width)) {
        out.add(
            new Record(
                i + 1,
                lines[i],
                null,
                "unbalanced quote: a quoted field opened on this line is not closed on it, and"
                    + " joining the next lines does not make a whole row"));
        i++;
        continue;
      }
      out.add(new Record(i + 1, raw, fields == null ? List.of() : Arrays.asList(fields), null));
      i = end + 1;
    }
    return out;
  }

  /**
   * The lines of {@code text}, split at {@code \r\n}, {@code \r} or {@code \n}, the last one kept
   * even when empty: as {@code text.split("\r\n|\r|\n", -1)}, without a regular expression over the
   * whole file.
   */
  static String[] lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines.toArray(String[]::new);
  }

  /** Where each of {@code lines} starts in {@code text}, so that a record keeps its line breaks. */
  private static int[] starts(String[] lines, String text) {
    int[] starts = new int[lines.length];
    int at = 0;
    for (int i = 0; i < lines.length; i++) {
      starts[i] = at;
      at += lines[i].length();
      if (at < text.length()) {
        at += text.startsWith("\r\n", at) ? 2 : 1;
      }
    }
    return starts;
  }

  /** The index of the line on which the record starting at {@code start} ends, or -1. */
  private static int closingLine(String[] lines, int start) {
    boolean inQuotes = false;
    for (int i = start; i < lines.length; i++) {
      for (int k = 0; k < lines[i].length(); k++) {
        if (lines[i].charAt(k) == '"') {
          inQuotes = !inQuotes;
        }
      }
      if (!inQuotes) {
        return i;
      }
    }
    return -1;
  }

  private static CsvParser newParser() {
    CsvParserSettings settings = new CsvParserSettings();
    // A record reaches the parser whole, so a line break can only be inside quotes: kept as is.
    settings.getFormat().setLineSeparator("\n");
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setMaxCharsPerColumn(1_000_000);
    settings.setMaxColumns(10_000);
    settings.setNullValue(null);
    return new CsvParser(settings);
  }
}
