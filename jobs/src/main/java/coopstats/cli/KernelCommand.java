package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.jupyter.Connection;
import coopstats.jupyter.Kernel;
import coopstats.spark.Warehouse;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coopstats kernel}: the Jupyter kernel. Jupyter starts it with a connection file, as the
 * kernelspec {@code notebook install-kernel} writes says; it runs until Jupyter shuts it down.
 */
@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = {
      "Run the coopstats Jupyter kernel: each cell runs as Spark SQL over the warehouse, with the"
          + " outputs `notebook run` writes.",
      "Jupyter starts it, from the kernelspec `coopstats notebook install-kernel` installs."
    })
final class KernelCommand implements Callable<Integer> {
  @Mixin WarehouseOptions options;

  @Option(
      names = "--connection-file",
      required = true,
      paramLabel = "FILE",
      description = "The connection file Jupyter wrote: the ports to listen on and the key.")
  Path connectionFile;

  @Option(
      names = "--max-rows",
      defaultValue = "100",
      description = "Rows shown per result (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Override
  public Integer call() {
    Connection connection = Connection.read(connectionFile);
    SqlKernelEngine engine = new SqlKernelEngine(this::session, maxRows);
    try {
      new Kernel(connection, engine).run();
    } finally {
      engine.stop();
    }
    return ExitCodes.OK;
  }

  /** The session over the warehouse's tables; a missing warehouse fails every cell, saying so. */
  private SparkSession session() {
    SparkSession spark = options.existingSession();
    Warehouse warehouse = options.open(spark);
    if (warehouse.registerAll().isEmpty()) {
      throw Errors.missingWarehouse(warehouse.root());
    }
    return spark;
  }
}
