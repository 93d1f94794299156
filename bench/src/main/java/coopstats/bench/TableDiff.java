package coopstats.bench;

import coopstats.contract.TableSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences between the pipeline's and the peer's rows of one gold table, matched on the
 * table's key. Money ({@code BigDecimal}) is compared at the cent, doubles with a relative
 * tolerance of 1e-9, counts and text exactly; see {@link GoldCompare} for why.
 */
final class TableDiff {
  private static final double RELATIVE = 1e-9;

  /** The pipeline's row count. */
  final int rows;

  /** The keys found on either side. */
  final int keys;

  /** One line per key found on one side only and per differing value. */
  final List<String> differences = new ArrayList<>();

  private TableDiff(int rows, int keys) {
    this.rows = rows;
    this.keys = keys;
  }

  static TableDiff of(
      TableSchema schema, List<Map<String, Object>> pipeline, List<Map<String, Object>> duck) {
    Map<String, Map<String, Object>> p = byKey(schema, pipeline);
    Map<String, Map<String, Object>> d = byKey(schema, duck);
    TreeSet<String> keys = new TreeSet<>(p.keySet());
    keys.addAll(d.keySet());
    TableDiff diff = new TableDiff(p.size(), keys.size());
    for (String key : keys) {
      diff.compare(schema, key, p.get(key), d.get(key));
    }
    return diff;
  }

  private void compare(
      TableSchema schema, String key, Map<String, Object> p, Map<String, Object> d) {
    if (p == null || d == null) {
      differences.add(key + ": only in " + (p == null ? "DuckDB " + d : "the pipeline " + p));
      return;
    }
    for (String c : schema.columnNames()) {
      if (!same(p.get(c), d.get(c))) {
        differences.add(key + ": " + c + " pipeline " + p.get(c) + ", DuckDB " + d.get(c));
      }
    }
  }

  private static boolean same(Object p, Object d) {
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

  /** The rows by their key, as {@code k1=v1, k2=v2}; a key found twice is an error. */
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
}
