package coopstats.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.spark.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats notebook run}: executes a notebook's SQL cells against the warehouse, in order,
 * and writes each result into its cell's outputs, as {@code jupyter nbconvert --execute} would. The
 * first failing cell gets an error output, the notebook is written, and the run exits 64.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Execute a notebook's Spark SQL cells against the warehouse and write the results into the"
          + " cells' outputs.",
      "A cell may hold several ;-separated statements; a first line %%sql is ignored."
    })
final class NotebookRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Parameters(paramLabel = "NOTEBOOK", description = "The .ipynb file.")
  Path notebook;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the executed notebook (default: the notebook itself).")
  Path out;

  @Option(
      names = "--max-rows",
      defaultValue = "100",
      description = "Rows shown per result (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Override
  public Integer call() {
    Notebook nb = Notebook.read(notebook);
    SparkSession spark = options.existingSession();
    Warehouse warehouse = options.open(spark);
    if (warehouse.registerAll().isEmpty()) {
      throw Errors.missingWarehouse(warehouse.root());
    }
    PrintWriter err = spec.commandLine().getErr();
    int count = 0;
    for (ObjectNode cell : nb.codeCells()) {
      count++;
      ArrayNode outputs = Notebook.outputs();
      Notebook.setOutputs(cell, outputs, count);
      Optional<String> failure =
          NotebookCells.run(
              spark, Notebook.source(cell), count, maxRows, collect(outputs, err, count));
      if (failure.isPresent()) {
        nb.write(target());
        throw Errors.notebookCellFailed(
            notebook.toString(), count, failure.get(), target().toString());
      }
    }
    nb.write(target());
    err.println("coopstats: executed " + count + " cell(s); wrote " + target());
    err.flush();
    return ExitCodes.OK;
  }

  /** Adds each output to the cell's, and says how many rows each result had. */
  private static Consumer<ObjectNode> collect(ArrayNode outputs, PrintWriter err, int cell) {
    return o -> {
      outputs.add(o);
      if (o.has("data")) {
        err.printf(
            "coopstats: cell %d: %d row(s)%n", cell, o.at("/metadata/coopstats/rows").asInt());
      }
    };
  }

  private Path target() {
    return out != null ? out : notebook;
  }
}
