package coopstats.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The peer's in-memory DuckDB: statements, counts, batch inserts and Parquet output. */
final class DuckDb implements AutoCloseable {
  private final Connection db;

  private DuckDb(Connection db) {
    this.db = db;
  }

  static DuckDb inMemory() throws SQLException {
    return new DuckDb(DriverManager.getConnection("jdbc:duckdb:"));
  }

  /** Runs a statement; a failure names the statement, since the peer generates most of them. */
  void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\nin: " + sql, e);
    }
  }

  /** Runs a statement; with -Dpeer.explain=true prints its plan with each operator's time. */
  void profiled(String sql) throws SQLException {
    if (!Boolean.getBoolean("peer.explain")) {
      exec(sql);
      return;
    }
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
      while (r.next()) {
        System.err.println(r.getString(2));
      }
    }
  }

  long count(String table) throws SQLException {
    return firstRow("SELECT count(*) AS n FROM " + table).get("n");
  }

  /** The first row of a query whose columns are all counts, by column name. */
  Map<String, Long> firstRow(String query) throws SQLException {
    Map<String, Long> row = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      ResultSetMetaData meta = r.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.put(meta.getColumnName(i), r.getLong(i));
      }
    }
    return row;
  }

  /** A query of (name, count) rows as a map, in the query's order. */
  Map<String, Long> counts(String query) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        counts.put(r.getString(1), r.getLong(2));
      }
    }
    return counts;
  }

  void insert(String table, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String marks = "?" + ", ?".repeat(rows.get(0).length - 1);
    try (PreparedStatement p =
        db.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          p.setObject(i + 1, row[i]);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  void copyToParquet(String query, Path file) throws SQLException {
    exec("COPY (" + query + ") TO " + Sql.lit(file.toString()) + " (FORMAT PARQUET)");
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
