package coopstats.silver;

import coopstats.contract.RuleSpec;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The values of the {@code ref.<table>.<column>} columns that rules reference, read once per run
 * and handed to {@link Rules}: ref does not change while silver is written.
 */
final class RefValues {
  private RefValues() {}

  /** For each reference of {@code rules}, the column's values (a few hundred). */
  static Map<String, List<Object>> read(Warehouse warehouse, Collection<RuleSpec> rules) {
    Map<String, List<Object>> values = new TreeMap<>();
    for (RuleSpec rule : rules) {
      if (rule.references() != null && !values.containsKey(rule.references())) {
        values.put(rule.references(), read(warehouse, rule.references()));
      }
    }
    return values;
  }

  private static List<Object> read(Warehouse warehouse, String reference) {
    String[] parts = reference.split("\\.");
    List<Object> values = new ArrayList<>();
    for (Row r : warehouse.read(parts[0], parts[1]).select(parts[2]).distinct().collectAsList()) {
      if (!r.isNullAt(0)) {
        values.add(r.get(0));
      }
    }
    return values;
  }
}
