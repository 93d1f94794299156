package coopstats.spark;

import coopstats.contract.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How an existing table's columns and partitioning have drifted from its schema file. */
final class SchemaDrift {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaDrift.class);

  private SchemaDrift() {}

  /**
   * Warns about the columns the schema file declares {@code nullable: false} that the table has
   * nullable. Delta cannot tighten a column in place; such a table was written by an earlier
   * coopstats, which replaced schemas as nullable, or its schema was replaced since (see {@link
   * Warehouse#overwrite}). Its rows stay as they are; recreating the table restores the check.
   */
  static void warnNullable(TableSchema schema, StructType current) {
    List<String> loose = new ArrayList<>();
    for (StructField f : schema.sparkSchema().fields()) {
      if (!f.nullable()
          && current.getFieldIndex(f.name()).isDefined()
          && current.apply(f.name()).nullable()) {
        loose.add(f.name());
      }
    }
    if (!loose.isEmpty()) {
      LOG.warn(
          "{}: columns {} are NOT NULL in the schema file but nullable in the table, so Delta does"
              + " not refuse nulls in them; to recreate a silver, gold or ref table, delete its"
              + " folder: the next run rebuilds it from bronze and schemas/",
          schema.table(),
          loose);
    }
  }

  /**
   * Whether writing {@code schema} over the table needs its schema replaced: a column the schema
   * file no longer has, a type it changed, or other partition columns. Adding a column does not.
   */
  static boolean needsNewSchema(TableSchema schema, Metadata before) {
    List<String> partitions =
        scala.jdk.javaapi.CollectionConverters.asJava(before.partitionColumns());
    if (!partitions.equals(schema.partitions())) {
      return true;
    }
    StructType wanted = schema.sparkSchema();
    for (StructField f : before.schema().fields()) {
      if (!wanted.getFieldIndex(f.name()).isDefined()
          || !wanted.apply(f.name()).dataType().sameType(f.dataType())) {
        return true;
      }
    }
    return false;
  }
}
