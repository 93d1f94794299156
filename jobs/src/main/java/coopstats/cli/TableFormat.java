package coopstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Rows as an aligned text table, for people; at the interactive prompt, no wider than the terminal,
 * the widest columns cut with an ellipsis.
 */
final class TableFormat {
  private final List<String> headers;
  private final List<List<String>> cells = new ArrayList<>();

  TableFormat(List<String> headers, List<Row> rows) {
    this.headers = headers;
    for (Row r : rows) {
      List<String> line = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        line.add(r.isNullAt(i) ? "NULL" : Values.text(r.get(i)));
      }
      cells.add(line);
    }
  }

  void print(PrintWriter out) {
    print(out, Integer.MAX_VALUE);
  }

  /**
   * Prints lines of at most {@code maxWidth} characters while each column can keep one: the widest
   * column loses a character at a time, and a cut value ends with an ellipsis.
   */
  void print(PrintWriter out, int maxWidth) {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> line : cells) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    narrow(width, maxWidth);
    printLine(out, headers, width);
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
    }
    out.println(rule);
    for (List<String> line : cells) {
      printLine(out, line, width);
    }
    out.printf("(%d row%s)%n", cells.size(), cells.size() == 1 ? "" : "s");
  }

  private static void narrow(int[] width, int maxWidth) {
    int total = 3 * Math.max(0, width.length - 1);
    for (int w : width) {
      total += w;
    }
    while (total > maxWidth) {
      int widest = 0;
      for (int i = 1; i < width.length; i++) {
        widest = width[i] > width[widest] ? i : widest;
      }
      if (width.length == 0 || width[widest] <= 1) {
        return;
      }
      width[widest]--;
      total--;
    }
  }

  private static void printLine(PrintWriter out, List<String> values, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String v = values.get(i);
      String cell = v.length() <= width[i] ? v : v.substring(0, width[i] - 1) + "\u2026";
      b.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", cell));
    }
    out.println(b.toString().stripTrailing());
  }
}
