package coopstats.report;

import java.util.List;

/** Small HTML helpers; the page is well-formed XML too, so that tools and tests can parse it. */
final class Html {
  private Html() {}

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  static String p(String text) {
    return "<p>" + escape(text) + "</p>\n";
  }

  /** A table with a header row; cells are text, escaped here. */
  static String table(String id, List<String> header, List<List<String>> rows) {
    StringBuilder b =
        new StringBuilder("<table id=\"").append(escape(id)).append("\">\n<thead><tr>");
    header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : rows) {
      b.append("<tr>");
      r.forEach(c -> b.append("<td>").append(escape(c)).append("</td>"));
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table>\n").toString();
  }
}
