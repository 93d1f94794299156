package coopstats.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import scala.Option;

/** The session catalog's names for a warehouse's tables: {@code <layer>.<table>}. */
final class WarehouseCatalog {
  private final SparkSession spark;
  private final Warehouse warehouse;

  WarehouseCatalog(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /**
   * Registers {@code layer.table} in the catalog for the Delta table at its path. A name left
   * pointing at another warehouse by an earlier use of the session is pointed here instead; the
   * catalog entries are external, so dropping one never touches data.
   */
  void register(String layer, String table) {
    String name = Warehouse.checkName(layer) + "." + Warehouse.checkName(table);
    if (!spark.catalog().databaseExists(layer)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS `" + layer + "`");
    }
    TableIdentifier id = new TableIdentifier(table, Option.apply(layer));
    // The session catalog answers without reading the table, which may be gone.
    if (spark.sessionState().catalog().tableExists(id)) {
      if (new Path(warehouse.path(layer, table)).equals(registeredLocation(layer, table))) {
        return;
      }
      // Straight to the session catalog: Delta's DROP would first try to read the old path.
      spark.sessionState().catalog().dropTable(id, true, false);
    }
    if (warehouse.exists(layer, table)) {
      spark.catalog().createTable(name, warehouse.path(layer, table), "delta");
    }
  }

  private Path registeredLocation(String layer, String table) {
    try {
      URI location =
          spark
              .sessionState()
              .catalog()
              .getTableMetadata(new TableIdentifier(table, Option.apply(layer)))
              .location();
      return new Path(location);
    } catch (Exception e) {
      // Spark's catalog throws checked exceptions javac cannot see; treat as not registered.
      return null;
    }
  }

  /** Registers every Delta table found under the root; returns their names. */
  List<String> registerAll() {
    List<String> names = new ArrayList<>();
    for (String layer : Warehouse.LAYERS) {
      for (String table : tablesIn(layer)) {
        register(layer, table);
        names.add(layer + "." + table);
      }
    }
    return names;
  }

  private List<String> tablesIn(String layer) {
    try {
      Path dir = new Path(warehouse.root() + "/" + layer);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> tables = new ArrayList<>();
      if (!fs.exists(dir)) {
        return tables;
      }
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && Warehouse.isName(name) && warehouse.exists(layer, name)) {
          tables.add(name);
        }
      }
      tables.sort(String::compareTo);
      return tables;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
