package coopstats.bench;

import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
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
  private static final double RELATIVE = 1e-9;
  private static final int SHOWN = 20;

  private GoldCompare() {}

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
    Engine engine = DefaultEngine.create(new Configuration());
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String table : schemas.goldTables()) {
        TableSchema schema = schemas.table("gold." + table);
        Path delta = warehouse.resolve("gold").resolve(table);
        Path parquet = peer.resolve("gold").resolve(table + ".parquet");
        if (!Files.isDirectory(delta.resolve("_delta_log"))) {
          System.err.println(
              "gold compare: the pipeline's gold." + table + " is missing at " + delta);
          System.exit(66);
        }
        if (!Files.isRegularFile(parquet)) {
          System.err.println(
              "gold compare: the peer's gold." + table + " is missing at " + parquet);
          System.exit(66);
        }
        Map<String, Map<String, Object>> pipeline = byKey(schema, kernel(engine, delta, schema));
        Map<String, Map<String, Object>> duck = byKey(schema, parquet(db, parquet, schema));
        rows += pipeline.size();
        List<String> diffs = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(pipeline.keySet());
        keys.addAll(duck.keySet());
        for (String key : keys) {
          Map<String, Object> p = pipeline.get(key);
          Map<String, Object> d = duck.get(key);
          if (p == null || d == null) {
            diffs.add(key + ": only in " + (p == null ? "DuckDB " + d : "the pipeline " + p));
            continue;
          }
          for (String c : schema.columnNames()) {
            if (!same(c, p.get(c), d.get(c))) {
              diffs.add(key + ": " + c + " pipeline " + p.get(c) + ", DuckDB " + d.get(c));
            }
          }
        }
        if (diffs.isEmpty()) {
          System.out.println("gold." + table + ": " + pipeline.size() + " rows agree");
        } else {
          differing += diffs.size();
          System.out.println(
              "gold."
                  + table
                  + ": "
                  + diffs.size()
                  + " difference(s) over "
                  + keys.size()
                  + " keys:");
          diffs.stream().limit(SHOWN).forEach(s -> System.out.println("  " + s));
          if (diffs.size() > SHOWN) {
            System.out.println("  ... and " + (diffs.size() - SHOWN) + " more");
          }
        }
      }
    }
    if (differing > 0) {
      System.out.println("gold disagrees: " + differing + " difference(s)");
      System.exit(1);
    }
    System.out.println(
        "gold agrees: " + rows + " rows in " + schemas.goldTables().size() + " tables");
  }

  private static boolean same(String column, Object p, Object d) {
    if (p == null || d == null) {
      return p == null && d == null;
    }
    if (p instanceof BigDecimal || d instanceof BigDecimal) {
      return cents(p).compareTo(cents(d)) == 0;
    }
    if (p instanceof Double || d instanceof Double) {
      double a = ((Number) p).doubleValue();
      double b = ((Number) d).doubleValue();
      return a == b || Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
    }
    if (p instanceof Number a && d instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(String.valueOf(p), String.valueOf(d));
  }

  private static BigDecimal cents(Object v) {
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static Map<String, Map<String, Object>> byKey(
      TableSchema schema, List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      List<String> key = new ArrayList<>();
      for (String k : schema.key()) {
        key.add(k + "=" + r.get(k));
      }
      String k = String.join(", ", key);
      if (out.put(k, r) != null) {
        throw new IllegalStateException(schema.table() + ": key " + k + " appears twice");
      }
    }
    return out;
  }

  private static List<Map<String, Object>> parquet(Connection db, Path file, TableSchema schema)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT * FROM read_parquet('" + file.toString().replace("'", "''") + "')")) {
      while (r.next()) {
        Map<String, Object> row = new TreeMap<>();
        for (String c : schema.columnNames()) {
          Object v = r.getObject(c);
          row.put(c, v instanceof java.math.BigInteger i ? new BigDecimal(i) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** A Delta table's rows, read with Delta Kernel only. */
  private static List<Map<String, Object>> kernel(Engine engine, Path path, TableSchema schema)
      throws IOException {
    Snapshot snapshot = Table.forPath(engine, path.toUri().toString()).getLatestSnapshot(engine);
    Scan scan = snapshot.getScanBuilder().build();
    io.delta.kernel.data.Row state = scan.getScanState(engine);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            io.delta.kernel.data.Row file = fileRows.next();
            CloseableIterator<ColumnarBatch> physical =
                engine
                    .getParquetHandler()
                    .readParquetFiles(
                        Utils.singletonCloseableIterator(
                            InternalScanFileUtils.getAddFileStatus(file)),
                        ScanStateRow.getPhysicalDataReadSchema(state),
                        Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> data =
                Scan.transformPhysicalData(engine, state, file, physical)) {
              while (data.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> it = data.next().getRows()) {
                  while (it.hasNext()) {
                    rows.add(values(it.next(), schema.columnNames()));
                  }
                }
              }
            }
          }
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> values(io.delta.kernel.data.Row row, List<String> columns) {
    Map<String, Object> out = new TreeMap<>();
    for (String c : columns) {
      int i = row.getSchema().indexOf(c);
      DataType t = row.getSchema().at(i).getDataType();
      Object v;
      if (row.isNullAt(i)) {
        v = null;
      } else if (t instanceof DecimalType) {
        v = row.getDecimal(i);
      } else if (t instanceof IntegerType) {
        v = row.getInt(i);
      } else if (t instanceof LongType) {
        v = row.getLong(i);
      } else if (t instanceof DoubleType) {
        v = row.getDouble(i);
      } else if (t instanceof BooleanType) {
        v = row.getBoolean(i);
      } else if (t instanceof StringType) {
        v = row.getString(i);
      } else {
        throw new IllegalArgumentException("no reader here for a gold column of type " + t);
      }
      out.put(c, v);
    }
    return out;
  }
}
