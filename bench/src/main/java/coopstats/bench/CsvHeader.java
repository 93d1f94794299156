package coopstats.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A CSV file's header and the landing columns it names, matched as bronze matches them. */
final class CsvHeader {
  private CsvHeader() {}

  /** The header line's fields (a header is one line, as in the pipeline). */
  static List<String> fields(Path file) throws IOException {
    String first;
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      first = lines.filter(l -> !l.isBlank()).findFirst().orElse("");
    }
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < first.length() && first.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    fields.add(f.toString());
    return fields;
  }

  /**
   * The column each header field is read into: the landing column its header maps to, the first
   * time; {@code _extra<i>} for a field no column takes, so that DuckDB reads and ignores it.
   *
   * @param mapping landing column to the header it is read from, as the source profile says
   */
  static List<String> columns(List<String> header, Map<String, String> mapping) {
    Map<String, String> byKey = new HashMap<>();
    mapping.forEach((column, h) -> byKey.put(key(h), column));
    List<String> named = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String column = byKey.get(key(header.get(i)));
      named.add(column != null && !named.contains(column) ? column : "_extra" + i);
    }
    return named;
  }

  /** Headers match trimmed, case-insensitive, with inner spacing collapsed, as in bronze. */
  private static String key(String header) {
    return header == null ? "" : header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
