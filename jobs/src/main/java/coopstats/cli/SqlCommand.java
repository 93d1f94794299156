package coopstats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coopstats sql}: runs a query over the warehouse; stdout carries only the result. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Query the warehouse's tables, named <layer>.<table>.")
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

  @Parameters(paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Override
  public Integer call() throws Exception {
    SparkSession spark = options.session();
    Warehouse warehouse = options.open(spark);
    if (!new org.apache.hadoop.fs.Path(warehouse.root())
        .getFileSystem(spark.sparkContext().hadoopConfiguration())
        .exists(new org.apache.hadoop.fs.Path(warehouse.root()))) {
      throw Errors.missingWarehouse(warehouse.root());
    }
    warehouse.registerAll();
    Dataset<Row> result;
    List<Row> rows;
    try {
      result = spark.sql(query);
      rows = result.collectAsList();
    } catch (Exception e) {
      // Scala's AnalysisException (ParseException included) is unchecked to javac.
      if (e instanceof org.apache.spark.sql.AnalysisException) {
        throw Errors.badQuery(e.getMessage().lines().findFirst().orElse(""));
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> columns = Arrays.asList(result.columns());
    switch (format) {
      case table -> new TableFormat(columns, rows).print(out);
      case csv -> printCsv(out, columns, rows);
      case json -> printJson(out, columns, rows);
    }
    out.flush();
    return ExitCodes.OK;
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
