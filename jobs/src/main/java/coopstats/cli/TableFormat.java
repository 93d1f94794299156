package coopstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Rows as an aligned text table, for people. */
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
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> line : cells) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
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

  private static void printLine(PrintWriter out, List<String> values, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      b.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", values.get(i)));
    }
    out.println(b.toString().stripTrailing());
  }
}
