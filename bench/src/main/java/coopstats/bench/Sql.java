package coopstats.bench;

/** Quoting for the DuckDB SQL the peer writes: identifiers and string literals. */
final class Sql {
  private Sql() {}

  static String q(String identifier) {
    return "\"" + identifier + "\"";
  }

  /** A string literal; null becomes SQL NULL. */
  static String lit(String s) {
    return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
  }
}
