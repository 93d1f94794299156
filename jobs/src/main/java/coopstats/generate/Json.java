package coopstats.generate;

import java.util.List;

/** Writes one flat JSON object: the generator's rows need no more than this. */
final class Json {
  private Json() {}

  /** Empty values are left out, as exports leave out absent keys. */
  static String object(List<String> columns, List<String> numeric, String[] row) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < row.length; i++) {
      if (row[i].isEmpty()) {
        continue;
      }
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append('"').append(columns.get(i)).append("\": ");
      if (numeric.contains(columns.get(i)) && row[i].matches("-?[0-9]+(\\.[0-9]+)?")) {
        b.append(row[i]);
      } else {
        quote(b, row[i]);
      }
    }
    return b.append('}').toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
