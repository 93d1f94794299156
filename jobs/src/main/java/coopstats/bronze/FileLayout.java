package coopstats.bronze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a CSV file's header puts each column, worked out once per file: the rows that have as many
 * fields as the header are built from it without a map per row. It gives the values {@link
 * BronzeReader} gives a row built by name: a header named twice takes its last column, and unmapped
 * columns go to {@code _rescued} in header order.
 */
final class FileLayout {
  /** Per mapped bronze column, the index of its header's last column, or -1. */
  private final int[] mapped;

  /**
   * The header keys no bronze column maps, in order of first appearance, with their last column.
   */
  private final List<String> unmappedKeys = new ArrayList<>();

  private final List<Integer> unmappedIndices = new ArrayList<>();

  /**
   * The layout of a file with header keys {@code keys}, for the bronze columns whose header keys
   * are {@code mappedKeys}, in bronze column order.
   */
  FileLayout(List<String> keys, List<String> mappedKeys) {
    this(keys, mappedKeys, java.util.Set.of());
  }

  /**
   * As above, with the columns at {@code cellColumns} (a wide table's unpivoted columns, each cell
   * its own record) neither mapped nor rescued.
   */
  FileLayout(List<String> keys, List<String> mappedKeys, java.util.Set<Integer> cellColumns) {
    Map<String, Integer> last = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      last.put(keys.get(i), i);
    }
    mapped = new int[mappedKeys.size()];
    for (int k = 0; k < mappedKeys.size(); k++) {
      mapped[k] = last.getOrDefault(mappedKeys.get(k), -1);
    }
    last.forEach(
        (key, index) -> {
          if (!mappedKeys.contains(key) && !cellColumns.contains(index)) {
            unmappedKeys.add(key);
            unmappedIndices.add(index);
          }
        });
  }

  /**
   * A bronze row's values for {@code fields}: {@code lineage} empty slots for the lineage columns,
   * then the mapped columns.
   */
  Object[] values(List<String> fields, int lineage) {
    Object[] out = new Object[lineage + mapped.length];
    for (int k = 0; k < mapped.length; k++) {
      out[lineage + k] = mapped[k] < 0 ? null : fields.get(mapped[k]);
    }
    return out;
  }

  /** The unmapped columns of {@code fields} as a JSON object, or null when there are none. */
  String rescued(List<String> fields) {
    if (unmappedKeys.isEmpty()) {
      return null;
    }
    Map<String, String> extra = new LinkedHashMap<>();
    for (int u = 0; u < unmappedKeys.size(); u++) {
      extra.put(unmappedKeys.get(u), fields.get(unmappedIndices.get(u)));
    }
    return BronzeSchema.rescued(extra);
  }
}
