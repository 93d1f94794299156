package coopstats.run;

import coopstats.contract.Schemas;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions a run publishes: which tables it reads and writes, their versions now, and putting
 * tables back to earlier versions with Delta's RESTORE, so that silver and gold only ever show a
 * whole run.
 */
final class Publication {
  private static final Logger LOG = LoggerFactory.getLogger(Publication.class);

  private final Warehouse warehouse;
  private final Schemas schemas;

  Publication(Warehouse warehouse, Schemas schemas) {
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  /** The tables of {@code layer} a run reads (bronze) or writes (silver, gold). */
  List<String> tables(String layer) {
    List<String> names =
        switch (layer) {
          case "bronze" -> List.copyOf(schemas.profiles().keySet());
          case "silver" ->
              Stream.concat(
                      schemas.contracts().values().stream()
                          .map(c -> c.silverTable().substring("silver.".length())),
                      Stream.of("quarantine"))
                  .toList();
          case "gold" -> schemas.goldTables();
          default -> throw new IllegalArgumentException(layer);
        };
    return names.stream().map(t -> layer + "." + t).toList();
  }

  /** The silver and gold tables a run writes, {@code <layer>.<table>}. */
  List<String> written() {
    return Stream.concat(tables("silver").stream(), tables("gold").stream()).toList();
  }

  /** The current version of each of {@code tables} that exists. */
  Map<String, Long> versions(List<String> tables) {
    Map<String, Long> versions = new TreeMap<>();
    for (String table : tables) {
      long v = version(table);
      if (v >= 0) {
        versions.put(table, v);
      }
    }
    return versions;
  }

  /** The current version of every table a run reads or writes. */
  Map<String, Long> versions() {
    Map<String, Long> all = new TreeMap<>(versions(tables("bronze")));
    all.putAll(versions(written()));
    return all;
  }

  /** The version of every table in the warehouse but ops, for the run's row in ops.runs. */
  Map<String, Long> everyTable() {
    Map<String, Long> versions = new TreeMap<>();
    for (String name : warehouse.registerAll()) {
      if (!name.startsWith("ops.")) {
        versions.put(name, version(name));
      }
    }
    return versions;
  }

  /**
   * Puts back every table the last published run had ({@code published}) that a run which did not
   * finish has written since, so that this run starts from published tables; returns them.
   */
  List<String> restoreUnpublished(Map<String, Long> published) {
    List<String> restored = new ArrayList<>();
    for (String table : written()) {
      long then = published.get(table);
      if (version(table) > then) {
        LOG.info(
            "{}: restoring version {}, written by the last run that published; a later run"
                + " did not finish",
            table,
            then);
        restore(table, then);
        restored.add(table);
      }
    }
    return restored;
  }

  /**
   * After a fail rule or a failed reconciliation: puts every table this run wrote back to its
   * version in {@code before}, so that the run publishes nothing.
   */
  void putBack(Map<String, Long> before) {
    before.forEach(
        (table, version) -> {
          if (version(table) > version) {
            LOG.info("{}: putting back version {}; this run publishes nothing", table, version);
            restore(table, version);
          }
        });
  }

  private long version(String table) {
    String[] lt = table.split("\\.");
    return warehouse.version(lt[0], lt[1]);
  }

  private void restore(String table, long version) {
    String[] lt = table.split("\\.");
    warehouse.restore(lt[0], lt[1], version);
  }
}
