package coopstats.contract;

import java.util.List;
import java.util.Map;

/** Table schemas written in a test, as a schema file would declare them. */
public final class Tables {
  private Tables() {}

  /** A table without lineage columns, year dependence or Delta properties. */
  public static TableSchema table(
      String table,
      String description,
      String grain,
      List<String> key,
      List<String> partitionBy,
      List<ColumnSpec> columns,
      List<RuleSpec> rules) {
    return new TableSchema(
        table, description, grain, key, partitionBy, null, columns, rules, null, Map.of());
  }

  /** A column without a parse kind or bounds. */
  public static ColumnSpec column(String name, String type, Boolean nullable, String comment) {
    return new ColumnSpec(name, type, nullable, comment, null, null, null, null, null);
  }
}
