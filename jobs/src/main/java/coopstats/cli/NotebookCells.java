package coopstats.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.CoopstatsException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one notebook cell as Spark SQL and makes its outputs, the same for {@code notebook run} and
 * for the Jupyter kernel: the cell's statements in order, each result an {@code execute_result},
 * the first failing statement an {@code error} after which the cell stops.
 */
final class NotebookCells {
  private NotebookCells() {}

  /**
   * Runs {@code source}, handing each output to {@code out} as it comes; returns the failure's
   * message, or empty when every statement ran.
   */
  static Optional<String> run(
      SparkSession spark,
      String source,
      int executionCount,
      int maxRows,
      Consumer<ObjectNode> out) {
    for (SqlStatements.Statement s : SqlStatements.split(sql(source)).all()) {
      try {
        SqlCommand.Result r = SqlCommand.execute(spark, s.sql());
        out.accept(NotebookOutputs.result(r, executionCount, Math.max(1, maxRows)));
      } catch (Exception e) {
        // Spark's own exceptions (a cancelled job's SparkException) are checked ones Scala throws.
        String message = message(e);
        out.accept(NotebookOutputs.error(e.getClass().getSimpleName(), message));
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }

  /** The cell's SQL; a {@code %%sql} magic line, as SQL kernels for Jupyter use, is dropped. */
  static String sql(String source) {
    List<String> lines = source.lines().toList();
    if (!lines.isEmpty() && lines.get(0).strip().startsWith("%%sql")) {
      return String.join("\n", lines.subList(1, lines.size()));
    }
    return source;
  }

  /** A failure in one line: coopstats' own message whole, another's first line. */
  static String message(Exception e) {
    if (e instanceof CoopstatsException) {
      return e.getMessage();
    }
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
