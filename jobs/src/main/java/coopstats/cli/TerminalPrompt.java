package coopstats.cli;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;

/**
 * The SQL prompt on a terminal, a JLine line editor: history kept in a file across sessions (a
 * statement over several lines is one entry), Ctrl-C drops the statement being typed or cancels the
 * one running and the prompt goes on, Ctrl-D on an empty line or {@code quit} leaves. Tables are
 * cut to the terminal's width.
 */
final class TerminalPrompt {
  private static final String PROMPT = "coopstats> ";
  private static final String MORE = "        -> ";

  private final SqlCommand command;
  private final SparkSession spark;
  private final Terminal terminal;
  private final Path history;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile String running;
  private int statements;

  TerminalPrompt(SqlCommand command, SparkSession spark, Terminal terminal, Path history) {
    this.command = command;
    this.spark = spark;
    this.terminal = terminal;
    this.history = history;
  }

  /**
   * The terminal of this process when both standard input and output are one, else null: pipes and
   * redirections keep the plain reader, whose output is byte for byte what it always was.
   */
  static Terminal system() throws IOException {
    if (System.console() == null) {
      return null;
    }
    Terminal t = TerminalBuilder.builder().system(true).dumb(true).build();
    if (t.getType().startsWith(Terminal.TYPE_DUMB)) {
      t.close();
      return null;
    }
    return t;
  }

  /** Reads and runs statements until Ctrl-D or {@code quit}; returns the exit code, 0. */
  int run() throws IOException {
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("coopstats")
            .parser(new StatementParser())
            .variable(LineReader.HISTORY_FILE, history)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, MORE)
            // SQL has ! (a != b) and timestamps would make the file harder to read and edit.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
            .build();
    PrintWriter out = terminal.writer();
    out.println(
        "coopstats SQL over the warehouse: end statements with ';', try SHOW TABLES IN gold;"
            + " Ctrl-C cancels, quit, exit or Ctrl-D leaves.");
    SignalHandler previous = terminal.handle(Signal.INT, s -> cancel());
    try {
      while (true) {
        String text;
        try {
          text = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C while typing drops the statement
        } catch (EndOfFileException e) {
          break;
        }
        if (SqlPrompt.isQuit(text)) {
          break;
        }
        for (SqlStatements.Statement s : SqlStatements.split(text).all()) {
          if (!execute(s.sql(), out)) {
            break;
          }
        }
      }
    } finally {
      terminal.handle(Signal.INT, previous);
      reader.getHistory().save();
      out.flush();
    }
    return ExitCodes.OK;
  }

  /** Runs one statement under a job group of its own; false when Ctrl-C cancelled it. */
  private boolean execute(String sql, PrintWriter out) {
    SparkContext sc = spark.sparkContext();
    String group = "coopstats-sql-prompt-" + ++statements;
    cancelled.set(false);
    sc.setJobGroup(group, sql, true);
    running = group;
    try {
      SqlCommand.Result result = command.run(spark, sql);
      if (!cancelled.get()) {
        command.print(
            out, result, terminal.getWidth() > 0 ? terminal.getWidth() : Integer.MAX_VALUE);
      }
    } catch (CoopstatsException e) {
      out.println("coopstats: " + e.getMessage());
    } catch (Exception e) {
      if (!cancelled.get()) {
        out.println("coopstats: the statement failed: " + firstLine(e) + ".");
      }
    } finally {
      running = null;
      sc.clearJobGroup();
    }
    if (cancelled.get()) {
      out.println("coopstats: the statement was cancelled.");
    }
    out.flush();
    return !cancelled.get();
  }

  private void cancel() {
    String group = running;
    if (group != null) {
      cancelled.set(true);
      spark.sparkContext().cancelJobGroup(group);
    }
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  /** Enter ends the entry only once its statement ends with {@code ;}, else a new line opens. */
  private static final class StatementParser extends DefaultParser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE
          && !SqlPrompt.isQuit(line)
          && !SqlStatements.onlyComments(SqlStatements.split(line).rest())) {
        throw new EOFError(-1, -1, "the statement goes on until ;");
      }
      return super.parse(line, cursor, context);
    }
  }
}
