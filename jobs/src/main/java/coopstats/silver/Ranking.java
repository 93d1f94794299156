package coopstats.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import coopstats.contract.Lineage;
import coopstats.contract.Settings;
import coopstats.contract.TableSchema;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the valid rows of a record key are ranked. Each row gets {@code q_status}: {@code kept},
 * {@code duplicate} (an earlier line of its key in the same delivery; the last line wins) or {@code
 * superseded} (its key is delivered again later), with {@code q_rule} and {@code q_reason} for the
 * rows that are not kept. A kept row carries, in {@code q_first_file} and {@code q_first_line}, the
 * first delivery of its key among the rows, which replaces the row silver holds for that key.
 *
 * <p>Most keys come once, and only the rows of keys that come more than once need the windows,
 * which shuffle and sort every row they see. Keys are told apart by a 64-bit hash ({@code
 * q_key_hash}): a hash seen once is a key seen once, and the rare key that shares a hash with
 * another only takes the windows' path, which is exact.
 */
final class Ranking {
  private static final Logger LOG = LoggerFactory.getLogger(Ranking.class);

  private Ranking() {}

  /** Valid rows ranked; {@code keys}, how many of their keys come more than once. */
  record Ranked(Dataset<Row> rows, long keys) {}

  /**
   * Ranks the valid rows by key. When the keys that come more than once are at most {@code
   * broadcastKeys}, their hashes are broadcast and only their rows go through the windows; the rest
   * are kept where they are. The one function here that runs a job: it counts those keys, whose
   * hashes it holds in memory and adds to {@code cached}.
   */
  static Ranked rank(
      Dataset<Row> valid, TableSchema silver, long broadcastKeys, List<Dataset<Row>> cached) {
    List<String> key = silver.key();
    Dataset<Row> repeated = repeatedKeyHashes(valid, key).persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(repeated);
    long keys = repeated.count();
    if (keys > broadcastKeys) {
      LOG.info(
          "{}: {} record keys come more than once, more than {} ({}) broadcasts; every row is"
              + " ranked by windows",
          silver.table(),
          keys,
          Settings.BROADCAST_KEYS,
          broadcastKeys);
      return new Ranked(withRank(valid, key), keys);
    }
    Dataset<Row> once = withKept(filterOnce(valid, key, repeated));
    if (keys == 0) {
      return new Ranked(once, 0);
    }
    return new Ranked(once.unionByName(withRank(filterRepeated(valid, key, repeated), key)), keys);
  }

  /** The hash of a row's record key. */
  static Column keyHash(List<String> key) {
    return xxhash64(columns(key));
  }

  /**
   * The hashes ({@code q_key_hash}) of the record keys that come more than once in {@code rows}.
   */
  static Dataset<Row> repeatedKeyHashes(Dataset<Row> rows, List<String> key) {
    return rows.groupBy(keyHash(key).as("q_key_hash"))
        .count()
        .filter(col("count").gt(1))
        .select("q_key_hash");
  }

  /** The rows whose key hash is not among {@code repeated}, which is small enough to broadcast. */
  static Dataset<Row> filterOnce(Dataset<Row> rows, List<String> key, Dataset<Row> repeated) {
    return rows.join(broadcast(repeated), keyHash(key).equalTo(col("q_key_hash")), "left_anti");
  }

  /** The rows whose key hash is among {@code repeated}, which is small enough to broadcast. */
  static Dataset<Row> filterRepeated(Dataset<Row> rows, List<String> key, Dataset<Row> repeated) {
    return rows.join(broadcast(repeated), keyHash(key).equalTo(col("q_key_hash")), "left_semi");
  }

  /** Rows whose key comes once: each is kept, and is the first and last delivery of its key. */
  static Dataset<Row> withKept(Dataset<Row> once) {
    return once.withColumn("q_rank", lit(1))
        .withColumn("q_last_file", col(Lineage.FILE))
        .withColumn("q_last_line", col(Lineage.LINE))
        .withColumn("q_first_file", col(Lineage.FILE))
        .withColumn("q_first_line", col(Lineage.LINE))
        .withColumn("q_status", lit("kept"))
        .withColumn("q_rule", lit(null).cast("string"))
        .withColumn("q_reason", lit(null).cast("string"));
  }

  /**
   * Every row ranked by windows over its key: within a delivery ({@code _run_id}) the last line
   * ({@code _file}, {@code _line}) wins; across deliveries, ordered by {@code _ingested_at}, the
   * latest is kept and each earlier one is superseded by the next.
   */
  static Dataset<Row> withRank(Dataset<Row> valid, List<String> keyColumns) {
    Column[] key = columns(keyColumns);
    Column[] keyAndRun =
        Stream.concat(Stream.of(key), Stream.of(col(Lineage.RUN_ID))).toArray(Column[]::new);
    WindowSpec inDelivery =
        Window.partitionBy(keyAndRun)
            .orderBy(col(Lineage.FILE).desc(), col(Lineage.SHEET).desc(), col(Lineage.LINE).desc());
    WindowSpec deliveries =
        Window.partitionBy(key).orderBy(col(Lineage.INGESTED_AT), col(Lineage.RUN_ID));
    // One shuffle by key serves both windows: partitions by key are also partitions by key and
    // delivery.
    Dataset<Row> ranked =
        valid
            .repartition(key)
            .withColumn("q_rank", row_number().over(inDelivery))
            .withColumn("q_last_file", first(Lineage.FILE).over(inDelivery))
            .withColumn("q_last_line", first(Lineage.LINE).over(inDelivery));
    Dataset<Row> duplicates =
        ranked
            .filter(col("q_rank").gt(1))
            .withColumn("q_status", lit("duplicate"))
            .withColumn("q_rule", lit(RowRejected.DUPLICATE_KEY))
            .withColumn(
                "q_reason", RowRejected.deliveredAgain(col("q_last_file"), col("q_last_line")))
            .withColumn("q_first_file", lit(null).cast("string"))
            .withColumn("q_first_line", lit(null).cast("bigint"));
    Dataset<Row> last =
        ranked
            .filter(col("q_rank").equalTo(1))
            .withColumn("q_next_file", lead(Lineage.FILE, 1).over(deliveries))
            .withColumn("q_next_line", lead(Lineage.LINE, 1).over(deliveries))
            .withColumn("q_first_file", first(Lineage.FILE).over(deliveries))
            .withColumn("q_first_line", first(Lineage.LINE).over(deliveries));
    Dataset<Row> marked =
        last.withColumn(
                "q_status", when(col("q_next_file").isNull(), "kept").otherwise("superseded"))
            .withColumn("q_rule", when(col("q_next_file").isNotNull(), lit(RowRejected.SUPERSEDED)))
            .withColumn("q_reason", RowRejected.replacedBy(col("q_next_file"), col("q_next_line")))
            .drop("q_next_file", "q_next_line");
    return marked.unionByName(duplicates);
  }

  /**
   * The rows of {@code target} (silver as it is) whose key a kept row of {@code kept} delivers
   * again, with {@code reason} naming the first delivery of the key in {@code kept}, which replaces
   * them.
   */
  static Dataset<Row> withSupersedingRow(Dataset<Row> target, Dataset<Row> kept, List<String> key) {
    Dataset<Row> firsts =
        kept.select(
            columns(
                Stream.concat(key.stream(), Stream.of("q_first_file", "q_first_line")).toList()));
    return target
        .join(firsts, scala.jdk.javaapi.CollectionConverters.asScala(key).toSeq(), "inner")
        .withColumn("reason", RowRejected.replacedBy(col("q_first_file"), col("q_first_line")))
        .drop("q_first_file", "q_first_line");
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
