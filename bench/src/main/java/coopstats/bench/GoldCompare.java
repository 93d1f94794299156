package coopstats.bench;

import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Checks that the DuckDB peer's gold equals the pipeline's, row by row on each table's key.
 *
 * <p>The pipeline's gold is read with Delta Kernel (no Spark), the peer's Parquet with DuckDB.
 * Money columns ({@code *_usd}) are sums of amounts already rounded to the cent in silver, exact
 * decimals on both sides, so they are compared at the cent (rounded to 2 decimals, which changes
 * nothing when both agree): any difference is a different row set or conversion, not rounding.
 * Ratios, shares and per-USD-million figures are doubles computed from those exact sums; they are
 * compared with a relative tolerance of 1e-9, since two engines may divide in a different order.
 * Counts and text are compared exactly. Prints the differing rows and exits 1 on disagreement.
 *
 * <p>Usage: {@code GoldCompare WAREHOUSE PEER_OUT [SCHEMAS]}.
 */
public final class GoldCompare {
  private static final int SHOWN = 20;

  private final Path warehouse;
  private final Path peer;
  private final Engine engine = DefaultEngine.create(new Configuration());
  private final Connection db;

  private GoldCompare(Path warehouse, Path peer, Connection db) {
    this.warehouse = warehouse;
    this.peer = peer;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: GoldCompare WAREHOUSE PEER_OUT [SCHEMAS]");
      System.exit(64);
    }
    Path warehouse = Path.of(args[0]).toAbsolutePath();
    Path peer = Path.of(args[1]).toAbsolutePath();
    Schemas schemas =
        Schemas.load(
            args.length > 2
                ? Path.of(args[2])
                : Path.of(System.getProperty("coopstats.home", "."), "schemas"));
    int differing = 0;
    long rows = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      GoldCompare compare = new GoldCompare(warehouse, peer, db);
      for (String table : schemas.goldTables()) {
        TableDiff diff = compare.table(table, schemas.table("gold." + table));
        rows += diff.rows;
        differing += diff.differences.size();
        print(table, diff);
      }
    }
    if (differing > 0) {
      System.out.println("gold disagrees: " + differing + " difference(s)");
      System.exit(1);
    }
    System.out.println(
        "gold agrees: " + rows + " rows in " + schemas.goldTables().size() + " tables");
  }

  /** Reads both sides of one gold table; either missing ends the comparison (exit 66). */
  private TableDiff table(String table, TableSchema schema) throws IOException, SQLException {
    Path delta = warehouse.resolve("gold").resolve(table);
    Path parquet = peer.resolve("gold").resolve(table + ".parquet");
    if (!Files.isDirectory(delta.resolve("_delta_log"))) {
      System.err.println("gold compare: the pipeline's gold." + table + " is missing at " + delta);
      System.exit(66);
    }
    if (!Files.isRegularFile(parquet)) {
      System.err.println("gold compare: the peer's gold." + table + " is missing at " + parquet);
      System.exit(66);
    }
    return TableDiff.of(
        schema,
        DeltaRows.read(engine, delta, schema.columnNames()),
        parquet(parquet, schema.columnNames()));
  }

  private static void print(String table, TableDiff diff) {
    List<String> d = diff.differences;
    if (d.isEmpty()) {
      System.out.println("gold." + table + ": " + diff.rows + " rows agree");
      return;
    }
    System.out.println(
        "gold." + table + ": " + d.size() + " difference(s) over " + diff.keys + " keys:");
    d.stream().limit(SHOWN).forEach(s -> System.out.println("  " + s));
    if (d.size() > SHOWN) {
      System.out.println("  ... and " + (d.size() - SHOWN) + " more");
    }
  }

  /** The peer's rows, read with DuckDB; its HUGEINT sums arrive as BigInteger. */
  private List<Map<String, Object>> parquet(Path file, List<String> columns) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery("SELECT * FROM read_parquet(" + Sql.lit(file.toString()) + ")")) {
      while (r.next()) {
        Map<String, Object> row = new TreeMap<>();
        for (String c : columns) {
          Object v = r.getObject(c);
          row.put(c, v instanceof BigInteger i ? new BigDecimal(i) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
