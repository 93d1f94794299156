package coopstats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.Settings;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats sql}: runs a query, a file of statements, or an interactive prompt over the
 * warehouse; stdout carries only the results.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Query the warehouse's tables, named <layer>.<table>.",
      "Without a QUERY or --file, opens a prompt: statements end with ';', quit or exit leaves."
    })
final class SqlCommand implements Callable<Integer> {
  enum Format {
    table,
    csv,
    json
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table (for people), csv (header line, then rows) or json (JSON Lines).")
  Format format;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "Run the ;-separated statements of a file, in order; stop at the first error.")
  Path file;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..1",
      description = "The SQL query. Without a query or --file, an interactive prompt opens.")
  String query;

  /** The warehouse whose tables the statements name, once the command runs. */
  Warehouse warehouse;

  @Override
  public Integer call() throws Exception {
    if (query != null && file != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either a QUERY or --file, not both");
    }
    SparkSession spark = options.existingSession();
    Warehouse warehouse = options.open(spark);
    if (!new org.apache.hadoop.fs.Path(warehouse.root())
        .getFileSystem(spark.sparkContext().hadoopConfiguration())
        .exists(new org.apache.hadoop.fs.Path(warehouse.root()))) {
      throw Errors.missingWarehouse(warehouse.root());
    }
    this.warehouse = warehouse;
    PrintWriter out = spec.commandLine().getOut();
    if (query != null) {
      print(out, run(spark, query));
    } else if (file != null) {
      runFile(spark, out);
    } else {
      return prompt(spark, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The line editor on a terminal; on piped input, the plain reader. */
  private int prompt(SparkSession spark, PrintWriter out) throws Exception {
    try (org.jline.terminal.Terminal terminal = TerminalPrompt.system()) {
      if (terminal != null) {
        return new TerminalPrompt(this, spark, terminal, Settings.sqlHistory()).run();
      }
    }
    new SqlPrompt(this, spark, out, spec.commandLine().getErr()).run(System.in);
    out.flush();
    return ExitCodes.OK;
  }

  private void runFile(SparkSession spark, PrintWriter out) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw Errors.missingSqlFile(file.toString());
    }
    List<SqlStatements.Statement> all =
        SqlStatements.split(Files.readString(file, StandardCharsets.UTF_8)).all();
    for (SqlStatements.Statement s : all) {
      try {
        print(out, run(spark, s.sql()));
      } catch (coopstats.CoopstatsException e) {
        throw Errors.badStatement(file + ", line " + s.line(), e.getMessage());
      }
      out.flush();
    }
  }

  /**
   * Runs one statement of this command, with the tables it names registered first: a query reads
   * the logs of its own tables, not every table's.
   */
  Result run(SparkSession spark, String sql) {
    warehouse.registerFor(sql);
    return execute(spark, sql);
  }

  /** A statement's result: its columns and rows. */
  record Result(List<String> columns, List<Row> rows) {}

  /** Runs one statement; a statement Spark cannot analyse is a usage error that says so. */
  static Result execute(SparkSession spark, String sql) {
    try {
      Dataset<Row> result = spark.sql(sql);
      return new Result(Arrays.asList(result.columns()), result.collectAsList());
    } catch (Exception e) {
      // Scala's AnalysisException (ParseException included) is unchecked to javac.
      if (e instanceof org.apache.spark.sql.AnalysisException) {
        // A parse error's message starts with a blank line.
        throw Errors.badQuery(
            e.getMessage()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(e.getClass().getSimpleName()));
      }
      throw e;
    }
  }

  void print(PrintWriter out, Result r) throws Exception {
    print(out, r, Integer.MAX_VALUE);
  }

  /** Prints a result; a table is at most {@code maxWidth} wide, csv and json are never cut. */
  void print(PrintWriter out, Result r, int maxWidth) throws Exception {
    switch (format) {
      case table -> new TableFormat(r.columns(), r.rows()).print(out, maxWidth);
      case csv -> printCsv(out, r.columns(), r.rows());
      case json -> printJson(out, r.columns(), r.rows());
    }
  }

  static void printCsv(PrintWriter out, List<String> columns, List<Row> rows) {
    out.println(String.join(",", columns.stream().map(SqlCommand::csvField).toList()));
    for (Row r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        b.append(i == 0 ? "" : ",").append(r.isNullAt(i) ? "" : csvField(Values.text(r.get(i))));
      }
      out.println(b);
    }
  }

  /** RFC 4180: a field is quoted only when it holds a comma, a quote or a line break. */
  static String csvField(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  static void printJson(PrintWriter out, List<String> columns, List<Row> rows) throws Exception {
    for (Row r : rows) {
      ObjectNode o = JSON.createObjectNode();
      for (int i = 0; i < columns.size(); i++) {
        Object v = r.isNullAt(i) ? null : r.get(i);
        if (v == null) {
          o.putNull(columns.get(i));
        } else if (v instanceof BigDecimal d) {
          o.put(columns.get(i), d);
        } else if (v instanceof Number n) {
          o.putPOJO(columns.get(i), n);
        } else if (v instanceof Boolean b) {
          o.put(columns.get(i), b);
        } else if (Values.plain(v) instanceof List<?> || Values.plain(v) instanceof Map<?, ?>) {
          o.set(columns.get(i), JSON.valueToTree(Values.plain(v)));
        } else {
          o.put(columns.get(i), Values.text(v));
        }
      }
      out.println(JSON.writeValueAsString(o));
    }
  }
}
