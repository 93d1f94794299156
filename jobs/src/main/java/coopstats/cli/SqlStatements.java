package coopstats.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at each {@code ;} that is not inside a quoted string, a
 * back-quoted name or a comment, as the SQL prompt and {@code sql --file} read them.
 *
 * @param complete the statements that ended with {@code ;}, without it, blank ones left out
 * @param rest the text after the last {@code ;}: an unfinished statement, or blank
 * @param restLine the line {@code rest} starts on
 */
record SqlStatements(List<Statement> complete, String rest, int restLine) {

  /** One statement and the line of the text it starts on (1 = the first). */
  record Statement(String sql, int line) {}

  static SqlStatements split(String text) {
    List<Statement> out = new ArrayList<>();
    int start = 0;
    int line = 1;
    int startLine = 1;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\n') {
        line++;
      }
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          line += next == '\n' ? 1 : 0;
          i++; // Spark SQL strings escape with a backslash
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '-' && next == '-') {
        int end = text.indexOf('\n', i);
        i = (end < 0 ? text.length() : end) - 1;
      } else if (c == '/' && next == '*') {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? text.length() : end + 2;
        line += (int) text.substring(i, stop).chars().filter(ch -> ch == '\n').count();
        i = stop - 1;
      } else if (c == ';') {
        add(out, text.substring(start, i), startLine);
        start = i + 1;
        startLine = line;
      }
    }
    return new SqlStatements(out, text.substring(start), startLine);
  }

  /** Every statement, the last one also when it lacks its {@code ;}. */
  List<Statement> all() {
    List<Statement> all = new ArrayList<>(complete);
    add(all, rest, restLine);
    return all;
  }

  private static void add(List<Statement> out, String sql, int line) {
    String lead = sql.substring(0, sql.length() - sql.stripLeading().length());
    String body = sql.strip();
    if (!body.isEmpty() && !onlyComments(body)) {
      out.add(new Statement(body, line + (int) lead.chars().filter(ch -> ch == '\n').count()));
    }
  }

  /** True when the text holds nothing but comments, which Spark would refuse as empty. */
  static boolean onlyComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").isBlank();
  }
}
