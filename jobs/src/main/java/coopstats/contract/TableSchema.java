package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A table's schema file: its name, grain, description, partitioning and columns. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TableSchema(
    String table,
    String description,
    String grain,
    List<String> key,
    List<String> partitionBy,
    List<ColumnSpec> columns)
    implements java.io.Serializable {

  public String layer() {
    return table.substring(0, table.indexOf('.'));
  }

  public String name() {
    return table.substring(table.indexOf('.') + 1);
  }

  public List<String> partitions() {
    return partitionBy == null ? List.of() : partitionBy;
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
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
