package coopstats.cli;

import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.spark.Warehouse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats serve}: a Spark Connect server over the warehouse, with Delta configured and
 * every table registered as {@code <layer>.<table>}, until the process is stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the warehouse over Spark Connect until stopped (Ctrl-C), so that PySpark or the JVM",
      "client attach with sc://HOST:PORT. It has no authentication: keep it on 127.0.0.1."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @Option(
      names = "--port",
      defaultValue = "15002",
      description = "Port to listen on (default: ${DEFAULT-VALUE}, Spark Connect's).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to bind (default: ${DEFAULT-VALUE}, this machine only). Anyone who reaches"
              + " it can read and change the warehouse.")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    // Read by SparkConnectService from the session's configuration, which -D settings form.
    System.setProperty("spark.connect.grpc.binding.address", host);
    System.setProperty("spark.connect.grpc.binding.port", String.valueOf(port));
    // The driver's own ports (its RPC and the block manager's) listen on the same address, not on
    // the machine's external one, unless the user set them (a cluster's executors must reach them).
    setUnlessGiven("spark.driver.bindAddress", host);
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      setUnlessGiven("spark.driver.host", host);
    }
    SparkSession spark = options.existingSession();
    Warehouse warehouse = options.open(spark);
    if (!warehouse.exists("gold", "investment_share_yearly")) {
      throw Errors.missingWarehouse(warehouse.root() + " (no gold tables)");
    }
    List<String> tables = warehouse.registerAll();
    try {
      SparkConnectService.start(spark.sparkContext());
    } catch (Exception e) {
      throw Errors.cannotServe(
          host + ":" + port,
          e instanceof java.net.BindException
              ? "the port is in use, or the address is not one of this machine's"
              : e.toString());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  SparkConnectService.stop(scala.Option.empty(), scala.Option.empty());
                  stopped.countDown();
                }));
    var err = spec.commandLine().getErr();
    err.println(
        "coopstats: serving "
            + tables.size()
            + " tables of "
            + warehouse.root()
            + " on sc://"
            + host
            + ":"
            + port
            + " (Spark Connect, no authentication); stop with Ctrl-C");
    err.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private static void setUnlessGiven(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
