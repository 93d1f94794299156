package coopstats.spark;

import coopstats.contract.ColumnSpec;
import coopstats.contract.TableSchema;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Brings an existing table's comment and column comments in line with its schema file. Delta sets
 * them when a table is created; a later change of wording in the schema file reaches the table only
 * through here, with one metadata-only commit per difference and none when they agree.
 */
final class TableComments {
  private TableComments() {}

  /** {@code metadata} is the table's metadata from its log, read once by the caller. */
  static void sync(SparkSession spark, String path, TableSchema schema, Metadata metadata) {
    String target = TableDefinitions.byPath(path);
    if (!Objects.equals(metadata.description(), schema.comment())) {
      spark.sql("COMMENT ON TABLE " + target + " IS " + literal(schema.comment()));
    }
    StructType current = metadata.schema();
    for (ColumnSpec c : schema.columns()) {
      if (!current.getFieldIndex(c.name()).isDefined()) {
        continue; // a new column arrives with its comment in the next write
      }
      StructField f = current.apply(c.name());
      String now = f.getComment().isDefined() ? f.getComment().get() : null;
      if (!Objects.equals(now, c.comment())) {
        spark.sql(
            "ALTER TABLE "
                + target
                + " ALTER COLUMN `"
                + c.name()
                + "` COMMENT "
                + literal(c.comment()));
      }
    }
  }

  /** A Spark SQL string literal: backslashes and single quotes escaped. */
  static String literal(String s) {
    return "'" + (s == null ? "" : s.replace("\\", "\\\\").replace("'", "\\'")) + "'";
  }
}
