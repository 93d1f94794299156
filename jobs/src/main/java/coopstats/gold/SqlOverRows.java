package coopstats.gold;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs SQL over given rows rather than over a table: the rows become a temporary view for as long
 * as Spark takes to analyse the query, so that no view outlives the query that needed it.
 */
final class SqlOverRows {
  private SqlOverRows() {}

  /**
   * A query that reads {@code table} ({@code <layer>.<table>}), run over {@code rows} as if they
   * were all of it: the table's name is replaced, wherever it stands as a whole name, by a view of
   * the rows. {@code schemas/} has checked that the query reads that one table.
   *
   * @param view the view's name, unique among queries that may run side by side
   */
  static Dataset<Row> readingRowsAs(String sql, String table, Dataset<Row> rows, String view) {
    Pattern name =
        Pattern.compile("(?<![\\w.])" + Pattern.quote(table) + "(?!\\w)", Pattern.CASE_INSENSITIVE);
    return over(rows, view, name.matcher(sql).replaceAll(Matcher.quoteReplacement(view)));
  }

  /** A query that reads {@code rows} as the view {@code view}. */
  static Dataset<Row> over(Dataset<Row> rows, String view, String sql) {
    SparkSession spark = rows.sparkSession();
    // One at a time: two queries using the same view name must not see each other's rows. The
    // query is analysed before the view is dropped, and an analysed plan holds the rows, not the
    // view's name. Dropping a view also drops a cache of its rows, so callers pass rows that are
    // checkpointed or read from a table, never cached ones.
    synchronized (SqlOverRows.class) {
      rows.createOrReplaceTempView(view);
      try {
        return spark.sql(sql);
      } finally {
        spark.catalog().dropTempView(view);
      }
    }
  }
}
