package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A layer's {@code _layer.yaml}: the Delta table properties every table of the layer keeps, and the
 * columns Delta keeps file statistics on. A table's own {@code properties:} block adds to these.
 *
 * @param layer the layer's name, which is also the name of the folder the file is in
 * @param properties Delta table properties, {@code delta.<name>: <value>}
 * @param statsColumns the columns with file statistics; none means Delta's default (every column)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LayerProperties(
    String layer, Map<String, String> properties, StatsColumns statsColumns) {

  /** The layers a warehouse has, in the order data flows through them. */
  public static final List<String> LAYERS = List.of("bronze", "silver", "gold", "ref", "ops");

  /** The Delta property that lists the columns with file statistics. */
  public static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

  private static final Pattern KEY = Pattern.compile("delta\\.[A-Za-z][A-Za-z0-9.]*");
  private static final Pattern COLUMN = Pattern.compile("_?[a-z][a-z0-9_]{0,63}");

  /**
   * Which columns keep Delta file statistics: those of {@code columns} a table has, and its key
   * when {@code key} is true, in the table's column order.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record StatsColumns(Boolean key, List<String> columns) {
    List<String> of(List<String> tableColumns, List<String> tableKey) {
      Set<String> wanted = new HashSet<>(columns == null ? List.of() : columns);
      if (Boolean.TRUE.equals(key)) {
        wanted.addAll(tableKey);
      }
      return tableColumns.stream().filter(wanted::contains).toList();
    }
  }

  /**
   * The Delta properties of a table of this layer with {@code columns} and {@code key}: the
   * layer's, then its statistics columns when it has any.
   */
  public Map<String, String> forTable(List<String> columns, List<String> key) {
    Map<String, String> out = new LinkedHashMap<>(properties == null ? Map.of() : properties);
    List<String> stats = statsColumns == null ? List.of() : statsColumns.of(columns, key);
    if (!stats.isEmpty()) {
      out.put(STATS_COLUMNS, String.join(",", stats));
    }
    return out;
  }

  /**
   * What is wrong with the file in {@code folder}, naming the key, or null: an unknown layer, a
   * property that is not {@code delta.<name>} or has no value, a {@code delta.enable*} property
   * that is neither true nor false, or a statistics column that is no column name.
   */
  String problem(String folder) {
    if (layer == null || !LAYERS.contains(layer)) {
      return "layer '" + layer + "' is not one of " + LAYERS;
    }
    if (!layer.equals(folder)) {
      return "layer '" + layer + "' is in folder " + folder + "; put it in tables/" + layer;
    }
    for (Map.Entry<String, String> p :
        (properties == null ? Map.<String, String>of() : properties).entrySet()) {
      String problem = propertyProblem(p.getKey(), p.getValue());
      if (problem != null) {
        return problem;
      }
    }
    if (statsColumns != null && statsColumns.columns() != null) {
      for (String c : statsColumns.columns()) {
        if (c == null || !COLUMN.matcher(c).matches()) {
          return "stats_columns.columns has '" + c + "', which is not a column name";
        }
      }
    }
    return null;
  }

  /** What is wrong with one entry of a {@code properties:} block, or null. */
  static String propertyProblem(String key, String value) {
    if (!KEY.matcher(key).matches()) {
      return "properties key '" + key + "' is not a Delta table property (delta.<name>)";
    }
    if (key.equals(STATS_COLUMNS)) {
      return "properties key '" + key + "' is set from stats_columns; declare the columns there";
    }
    if (value == null || value.isBlank()) {
      return "properties key '" + key + "' has no value";
    }
    if (key.startsWith("delta.enable") && !value.equals("true") && !value.equals("false")) {
      return "properties key '" + key + "' is '" + value + "', expected true or false";
    }
    return null;
  }
}
