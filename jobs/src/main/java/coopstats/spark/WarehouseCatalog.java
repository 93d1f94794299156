package coopstats.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/** The session catalog's names for a warehouse's tables: {@code <layer>.<table>}. */
final class WarehouseCatalog {
  private final SparkSession spark;
  private final Warehouse warehouse;

  /** Whether every table is registered: then a statement needs nothing more. */
  private boolean everything;

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
  /**
   * Registers the tables one statement names, so that a query reads the Delta logs of its own
   * tables and no others. A statement that is not a query ({@code SHOW TABLES}, {@code DESCRIBE},
   * ...), or that names a table without its layer, gets every table registered, as does one Spark
   * cannot parse (its run then reports the error).
   */
  void registerFor(String sql) {
    if (everything) {
      return;
    }
    Optional<Set<List<String>>> named = tablesRead(spark, sql);
    if (named.isEmpty()) {
      registerAll();
      return;
    }
    for (List<String> name : named.get()) {
      register(name.get(0), name.get(1));
    }
  }

  /**
   * The tables a statement reads, each as its layer and name; empty when it needs every table: a
   * statement that is not a query, that names a table without a known layer, or that Spark cannot
   * parse.
   */
  static Optional<Set<List<String>>> tablesRead(SparkSession spark, String sql) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (Exception e) {
      // Scala's ParseException is checked to javac.
      return Optional.empty();
    }
    Set<List<String>> named = new TreeSet<>(Comparator.comparing(List::toString));
    Set<String> ctes = new HashSet<>();
    if (!names(plan, named, ctes)) {
      return Optional.empty();
    }
    named.removeIf(n -> n.size() == 1 && ctes.contains(n.get(0)));
    boolean known =
        named.stream()
            .allMatch(
                n ->
                    n.size() == 2
                        && Warehouse.LAYERS.contains(n.get(0))
                        && Warehouse.isName(n.get(1)));
    return known ? Optional.of(named) : Optional.empty();
  }

  /**
   * Collects the relations a parsed plan names, in its children, its common table expressions and
   * its subqueries; false when the plan holds a command.
   */
  private static boolean names(LogicalPlan plan, Set<List<String>> named, Set<String> ctes) {
    if (plan instanceof Command) {
      return false;
    }
    if (plan instanceof UnresolvedRelation r) {
      named.add(CollectionConverters.asJava(r.multipartIdentifier()));
    }
    if (plan instanceof UnresolvedWith w) {
      CollectionConverters.asJava(w.cteRelations()).forEach(c -> ctes.add(c._1()));
    }
    List<LogicalPlan> inner = new ArrayList<>(CollectionConverters.asJava(plan.children()));
    CollectionConverters.asJava(plan.innerChildren()).forEach(c -> inner.add((LogicalPlan) c));
    inner.addAll(CollectionConverters.asJava(plan.subqueries()));
    for (LogicalPlan child : inner) {
      if (!names(child, named, ctes)) {
        return false;
      }
    }
    return true;
  }

  List<String> registerAll() {
    everything = true;
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
