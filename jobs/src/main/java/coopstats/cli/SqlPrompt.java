package coopstats.cli;

import coopstats.CoopstatsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/**
 * The interactive SQL prompt: reads statements ending with {@code ;}, over as many lines as they
 * take, runs each and prints its result; an error is printed and the prompt goes on. {@code quit}
 * or {@code exit}, or the end of the input, leaves. Prompts go to stderr, results to stdout, so
 * that piped input gives clean output.
 */
final class SqlPrompt {
  private static final String PROMPT = "coopstats> ";
  private static final String MORE = "        -> ";

  private final SqlCommand command;
  private final SparkSession spark;
  private final PrintWriter out;
  private final PrintWriter err;

  SqlPrompt(SqlCommand command, SparkSession spark, PrintWriter out, PrintWriter err) {
    this.command = command;
    this.spark = spark;
    this.out = out;
    this.err = err;
  }

  void run(InputStream in) throws IOException {
    err.println(
        "coopstats SQL over the warehouse: end statements with ';', try SHOW TABLES IN gold;"
            + " quit or exit leaves.");
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder pending = new StringBuilder();
    while (true) {
      err.print(pending.isEmpty() ? PROMPT : MORE);
      err.flush();
      String line = reader.readLine();
      if (line == null) {
        break;
      }
      if (pending.toString().isBlank() && isQuit(line)) {
        return;
      }
      pending.append(line).append('\n');
      SqlStatements split = SqlStatements.split(pending.toString());
      split.complete().forEach(s -> execute(s.sql()));
      pending.setLength(0);
      if (!split.rest().isBlank()) {
        pending.append(split.rest());
      }
    }
    // The last statement of piped input may lack its ;.
    SqlStatements.split(pending.toString()).all().forEach(s -> execute(s.sql()));
  }

  /** True for {@code quit} or {@code exit}, with or without a {@code ;}. */
  static boolean isQuit(String line) {
    return line.strip().matches("(?i)(quit|exit)\\s*;?");
  }

  private void execute(String sql) {
    try {
      command.print(out, command.run(spark, sql));
    } catch (CoopstatsException e) {
      err.println("coopstats: " + e.getMessage());
    } catch (Exception e) {
      err.println("coopstats: the statement failed: " + firstLine(e) + ".");
    }
    out.flush();
    err.flush();
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
