package coopstats.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns coopstats writes from a Java enum. Their schema files declare the values as {@code
 * accepted_values}, so that the data dictionary and the code cannot drift apart unnoticed.
 */
final class EnumColumns {
  private static final Map<String, List<String>> VALUES =
      Map.of(
          "ops.runs.status", RunStatus.allValues(),
          "ops.runs.mode", RunMode.allValues());

  private EnumColumns() {}

  /** What is wrong with the values a table's columns declare, or null. */
  static String problem(TableSchema t) {
    for (ColumnSpec c : t.columns()) {
      List<String> expected = VALUES.get(t.table() + "." + c.name());
      List<String> declared = c.acceptedValues();
      if (expected == null && declared != null) {
        return "column "
            + c.name()
            + " declares accepted_values, which only the columns coopstats writes from a fixed"
            + " set do ("
            + String.join(", ", VALUES.keySet().stream().sorted().toList())
            + ")";
      }
      if (expected != null
          && (declared == null
              || !Set.copyOf(declared).equals(Set.copyOf(expected))
              || declared.size() != expected.size())) {
        return "column "
            + c.name()
            + " must declare accepted_values "
            + expected
            + ", the values coopstats writes; found "
            + declared;
      }
    }
    return null;
  }
}
