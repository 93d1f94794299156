package coopstats.gold;

import static org.apache.spark.sql.functions.col;

import coopstats.contract.TableSchema;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The arithmetic of the sums tables. Every column of a sums table but the key adds up (its
 * measures), so what a merge did to silver is a delta of sums, and a table plus a delta is the
 * table after the merge.
 */
final class Sums {
  private Sums() {}

  /**
   * What a merge did to a sums table: the sums of the rows it added, minus those of the rows it
   * removed, per key; only keys whose sums move are kept.
   */
  static Dataset<Row> delta(Dataset<Row> added, Dataset<Row> removed, TableSchema schema) {
    return filterAllZero(
        sumByKey(added.unionByName(withMeasuresNegated(removed, schema)), schema), schema);
  }

  /**
   * A sums table's rows plus {@code delta}, summed per key. A key whose every measure comes to zero
   * has no rows left and is dropped; one whose row count does not (a count below zero would mean
   * the feed and the table disagree) is kept for the table's rules to judge.
   */
  static Dataset<Row> withDelta(Dataset<Row> current, Dataset<Row> delta, TableSchema schema) {
    Column[] columns = schema.columnNames().stream().map(functions::col).toArray(Column[]::new);
    return filterAllZero(
        sumByKey(current.select(columns).unionByName(delta.select(columns)), schema), schema);
  }

  /** The key and each measure negated, so that a union with other sums subtracts these. */
  static Dataset<Row> withMeasuresNegated(Dataset<Row> rows, TableSchema schema) {
    return rows.select(
        Stream.concat(
                schema.key().stream().map(functions::col),
                measures(schema).stream().map(m -> functions.negate(col(m)).as(m)))
            .toArray(Column[]::new));
  }

  /** One row per key, each measure summed. */
  static Dataset<Row> sumByKey(Dataset<Row> rows, TableSchema schema) {
    Column[] sums =
        measures(schema).stream().map(m -> functions.sum(col(m)).as(m)).toArray(Column[]::new);
    return rows.groupBy(schema.key().stream().map(functions::col).toArray(Column[]::new))
        .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
  }

  /** Drops the rows whose every measure is zero: keys that hold nothing, or that did not move. */
  static Dataset<Row> filterAllZero(Dataset<Row> rows, TableSchema schema) {
    return rows.where(
        measures(schema).stream()
            .map(m -> col(m).notEqual(functions.lit(0)))
            .reduce(Column::or)
            .orElseThrow());
  }

  /** A sums table's additive columns: every column but the key. */
  static List<String> measures(TableSchema schema) {
    return schema.columnNames().stream().filter(c -> !schema.key().contains(c)).toList();
  }
}
