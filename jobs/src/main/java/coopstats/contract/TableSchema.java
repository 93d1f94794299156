package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import coopstats.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's schema file: its name, grain, description, partitioning and columns. A gold table also
 * says which years each year's rows are computed from ({@code year_dependence}), so that a run
 * recomputes exactly the years a change reaches.
 *
 * @param lineage for a silver table, true when it carries the lineage columns of {@code
 *     tables/lineage.yaml} after its own; {@link Schemas} appends them to {@code columns}
 * @param properties the table's Delta table properties: as read, those its file adds; once {@link
 *     Schemas} has loaded it, its layer's properties (see {@link LayerProperties}) with those added
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TableSchema(
    String table,
    String description,
    String grain,
    List<String> key,
    List<String> partitionBy,
    String yearDependence,
    List<ColumnSpec> columns,
    List<RuleSpec> rules,
    Boolean lineage,
    Map<String, String> properties)
    implements java.io.Serializable {

  /** The Delta table properties the table keeps; none when it has none. */
  public Map<String, String> propertiesOrEmpty() {
    return properties == null ? Map.of() : properties;
  }

  /** This table with its layer's Delta properties, then its own. */
  public TableSchema withLayer(LayerProperties layer) {
    Map<String, String> all =
        new LinkedHashMap<>(layer.forTable(columnNames(), key == null ? List.of() : key));
    all.putAll(propertiesOrEmpty());
    return new TableSchema(
        table, description, grain, key, partitionBy, yearDependence, columns, rules, lineage, all);
  }

  public String layer() {
    return table.substring(0, table.indexOf('.'));
  }

  public String name() {
    return table.substring(table.indexOf('.') + 1);
  }

  /** The rules the schema file declares, in order; a row breaking several shows the first. */
  public List<RuleSpec> rulesOrEmpty() {
    return rules == null ? List.of() : rules;
  }

  public boolean carriesLineage() {
    return lineage != null && lineage;
  }

  /** This table with {@code lineageColumns} after its own when it carries lineage; else itself. */
  TableSchema withLineage(List<ColumnSpec> lineageColumns) {
    if (!carriesLineage()) {
      return this;
    }
    List<ColumnSpec> all = new ArrayList<>(columns);
    all.addAll(lineageColumns);
    return new TableSchema(
        table,
        description,
        grain,
        key,
        partitionBy,
        yearDependence,
        List.copyOf(all),
        rules,
        true,
        properties);
  }

  public List<String> partitions() {
    return partitionBy == null ? List.of() : partitionBy;
  }

  /** How a gold table's years depend on the years of its inputs. */
  public enum YearDependence {
    /** A year's rows are computed from that year alone. */
    YEAR,
    /** From that year and the year before (a year-on-year change). */
    PREVIOUS_YEAR,
    /** From that year and every earlier year (a cumulative total). */
    EARLIER_YEARS
  }

  /** The year dependence the schema file declares; {@code year} when it declares none. */
  public YearDependence yearDependenceOrDefault() {
    return yearDependence == null
        ? YearDependence.YEAR
        : YearDependence.valueOf(yearDependence.toUpperCase(java.util.Locale.ROOT));
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /**
   * A row of this table from its values by column name, in the schema file's column order. Every
   * column must be given (null included) and no other, so that code and schema file that disagree
   * fail here, naming the columns, before anything is written.
   */
  public Row row(Map<String, ?> values) {
    return RowFactory.create(inOrder(values).toArray());
  }

  /**
   * This table's columns from their expressions by column name, in the schema file's column order,
   * each named as the file names it; given as {@link #row} takes values.
   */
  public Column[] columns(Map<String, Column> expressions) {
    List<Column> ordered = inOrder(expressions);
    List<String> names = columnNames();
    Column[] out = new Column[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ordered.get(i).as(names.get(i));
    }
    return out;
  }

  /** The values of {@code byName} in column order; every column given, and no other. */
  private <T> List<T> inOrder(Map<String, T> byName) {
    List<String> names = columnNames();
    if (byName.size() != names.size() || !byName.keySet().containsAll(names)) {
      List<String> missing = names.stream().filter(n -> !byName.containsKey(n)).toList();
      List<String> unknown =
          byName.keySet().stream().filter(n -> !names.contains(n)).sorted().toList();
      throw Errors.columnsDisagree(table, missing, unknown);
    }
    List<T> out = new ArrayList<>();
    names.forEach(n -> out.add(byName.get(n)));
    return out;
  }

  /** The table comment: what it is and its grain. */
  public String comment() {
    return description.strip() + " Grain: " + grain.strip();
  }

  /** The Spark schema, with every column's comment in its metadata. */
  public StructType sparkSchema() {
    StructField[] fields =
        columns.stream()
            .map(
                c ->
                    new StructField(
                        c.name(), DataType.fromDDL(c.type()), c.isNullable(), commentOf(c)))
            .toArray(StructField[]::new);
    return new StructType(fields);
  }

  static Metadata commentOf(ColumnSpec c) {
    return new MetadataBuilder().putString("comment", c.comment()).build();
  }
}
