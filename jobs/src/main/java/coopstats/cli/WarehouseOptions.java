package coopstats.cli;

import coopstats.Errors;
import coopstats.contract.Schemas;
import coopstats.contract.Settings;
import coopstats.kernel.KernelWarehouse;
import coopstats.spark.Sessions;
import coopstats.spark.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options every command shares: the warehouse, the Spark master and the schema folder. */
final class WarehouseOptions {
  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      defaultValue = "warehouse",
      description = "Warehouse folder or Hadoop URI (default: ${DEFAULT-VALUE}).")
  String warehouse;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master; default: spark-submit's, else local[*].")
  String master;

  @Option(
      names = "--schemas",
      paramLabel = "DIR",
      description = "The schemas folder; default: $COOPSTATS_HOME/schemas, else ./schemas.")
  Path schemas;

  Schemas loadSchemas() {
    return Schemas.load(Settings.schemas(schemas));
  }

  /**
   * The session of a command that may create the warehouse ({@code run}, {@code backfill}); a local
   * file where the warehouse should be is refused before Spark starts.
   */
  SparkSession session() {
    checkLocal(false);
    return Sessions.getOrCreate(master, qualify(warehouse));
  }

  /**
   * The session of a command that reads an existing warehouse; a local one that is not there, or is
   * a file, is refused before Spark starts.
   */
  SparkSession existingSession() {
    checkLocal(true);
    return session();
  }

  /**
   * The existing warehouse read with Delta Kernel, for a command that only reads small tables and
   * starts no Spark session; refused as {@link #existingSession} refuses it.
   */
  KernelWarehouse existingTables() {
    checkLocal(true);
    try {
      return KernelWarehouse.open(qualify(warehouse));
    } catch (RuntimeException e) {
      throw Errors.unreadableFolder(warehouse, e);
    }
  }

  /** Checks a local warehouse folder without Spark; one on another filesystem is left to Spark. */
  private void checkLocal(boolean mustExist) {
    org.apache.hadoop.fs.Path uri = new org.apache.hadoop.fs.Path(qualify(warehouse));
    if (!"file".equals(uri.toUri().getScheme())) {
      return;
    }
    Path dir = Path.of(uri.toUri().getPath()).toAbsolutePath();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw Errors.warehouseNotAFolder(warehouse);
    }
    if (mustExist && !Files.exists(dir)) {
      throw Errors.missingWarehouse("file:" + dir);
    }
  }

  Warehouse open(SparkSession spark) {
    return new Warehouse(spark, qualify(warehouse, spark));
  }

  /** A local path made absolute, so that Spark and the catalog agree on it; URIs stay as given. */
  static String qualify(String dir) {
    return dir.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        ? dir
        : Path.of(dir).toAbsolutePath().normalize().toUri().toString().replaceAll("/$", "");
  }

  static String qualify(String dir, SparkSession spark) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(qualify(dir));
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.makeQualified(p).toString();
    } catch (IOException | RuntimeException e) {
      throw Errors.unreadableFolder(dir, e);
    }
  }
}
