package coopstats.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The outputs a notebook cell gets, as Jupyter writes them: a result as an {@code execute_result}
 * with a text and an HTML table, and a failure as an {@code error}.
 */
final class NotebookOutputs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private NotebookOutputs() {}

  /**
   * A statement's result, at most {@code maxRows} rows of it shown; {@code metadata.coopstats.rows}
   * holds how many rows it had.
   */
  static ObjectNode result(SqlCommand.Result r, int executionCount, int maxRows) {
    List<Row> shown = r.rows().subList(0, Math.min(maxRows, r.rows().size()));
    String note =
        shown.size() < r.rows().size()
            ? "first " + shown.size() + " of " + r.rows().size() + " rows"
            : "";
    StringWriter text = new StringWriter();
    try (PrintWriter w = new PrintWriter(text)) {
      new TableFormat(r.columns(), shown).print(w);
      if (!note.isEmpty()) {
        w.println("(" + note + ")");
      }
    }
    ObjectNode data = NODES.objectNode();
    data.put("text/plain", text.toString().stripTrailing());
    data.put("text/html", html(r.columns(), shown, note));
    ObjectNode out = NODES.objectNode();
    out.put("output_type", "execute_result");
    out.put("execution_count", executionCount);
    out.set("data", data);
    out.putObject("metadata").putObject("coopstats").put("rows", r.rows().size());
    return out;
  }

  static ObjectNode error(String name, String message) {
    ObjectNode out = NODES.objectNode();
    out.put("output_type", "error");
    out.put("ename", name);
    out.put("evalue", message);
    ArrayNode traceback = out.putArray("traceback");
    traceback.add(name + ": " + message);
    return out;
  }

  static String html(List<String> columns, List<Row> rows, String note) {
    StringBuilder b = new StringBuilder("<table class=\"dataframe\">\n<thead><tr>");
    columns.forEach(c -> b.append("<th>").append(escape(c)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (Row r : rows) {
      b.append("<tr>");
      for (int i = 0; i < r.length(); i++) {
        b.append("<td>")
            .append(r.isNullAt(i) ? "<i>NULL</i>" : escape(Values.text(r.get(i))))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>");
    if (!note.isEmpty()) {
      b.append("\n<p>").append(escape(note)).append("</p>");
    }
    return b.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
