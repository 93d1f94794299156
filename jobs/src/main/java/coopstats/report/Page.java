package coopstats.report;

import coopstats.ops.RunRecord;
import java.util.List;

/** The HTML page around the sections: a title, a table of contents and inline CSS; no scripts. */
final class Page {
  private static final String CSS =
      """
      body { font-family: sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
      h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
      figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
      table { border-collapse: collapse; margin: 1em 0; }
      th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
      td:last-child { text-align: right; }
      .note { color: #555; font-size: 0.9em; }
      """;

  private Page() {}

  /**
   * The page; {@code published} is the last run that published the tables (ops.runs), whose logical
   * date the statistics are as of, or null when none has.
   */
  static String render(String warehouse, RunRecord published, List<Section> sections) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>coopstats report</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>coopstats report</h1>\n")
        .append("<p class=\"note\" id=\"logical-date\">")
        .append(Html.escape(asOf(published)))
        .append("</p>\n<p class=\"note\">Warehouse: ")
        .append(Html.escape(warehouse))
        .append("</p>\n<ul>\n");
    for (Section s : sections) {
      b.append("<li><a href=\"#")
          .append(s.id())
          .append("\">")
          .append(Html.escape(s.title()))
          .append("</a></li>\n");
    }
    b.append("</ul>\n");
    for (Section s : sections) {
      b.append("<section id=\"")
          .append(s.id())
          .append("\">\n<h2>")
          .append(Html.escape(s.title()))
          .append("</h2>\n")
          .append(s.html())
          .append("</section>\n");
    }
    return b.append("</body>\n</html>\n").toString();
  }

  private static String asOf(RunRecord run) {
    if (run == null) {
      return "Logical date: none yet; no run has published the tables (run coopstats run).";
    }
    return "Logical date: "
        + run.logicalDate()
        + " (run "
        + run.runId()
        + ", "
        + run.status().value()
        + ")";
  }
}
