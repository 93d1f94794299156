package coopstats.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import coopstats.Errors;
import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import coopstats.spark.MergedRows;
import coopstats.spark.Parallel;
import coopstats.spark.Warehouse;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bronze to silver. Every delivered row ends in {@code silver.<kind>} or in {@code
 * silver.quarantine}, with the rule it broke and why:
 *
 * <ul>
 *   <li>a row that cannot be made valid is quarantined with its rule;
 *   <li>within one delivery the last line of a record key wins, and the earlier lines are
 *       quarantined as {@code duplicate_key};
 *   <li>a later delivery of a record key replaces the earlier one, which is quarantined as {@code
 *       superseded}, naming the row that replaced it;
 *   <li>a new release of a snapshot source replaces everything its earlier release delivered.
 * </ul>
 *
 * <p>{@link #rebuild} does this over all of bronze; {@link #update} only for the bronze rows added
 * since the last published run, with one {@code MERGE} per table. Both leave the same tables.
 */
public final class SilverJob {
  private static final Logger LOG = LoggerFactory.getLogger(SilverJob.class);
  private static final String INSERT = "insert";

  /**
   * The Spark setting that bounds how many record keys delivered more than once are broadcast, as
   * hashes, to rank their rows apart from the rest; beyond it, every row is ranked by windows and a
   * rebuild's displaced rows get their text from bronze without a broadcast.
   */
  public static final String BROADCAST_KEYS = coopstats.Settings.BROADCAST_KEYS;

  /** {@link #BROADCAST_KEYS} by default: 100,000 hashes are under 2 MB. */
  private static final long DEFAULT_BROADCAST_KEYS = 100_000;

  /**
   * What a build did: rebuilt everything, or merged the given silver tables, each with the rows the
   * merge added and those it removed; every file's accounting; and the rows that break each warn
   * rule, per silver table.
   */
  public record Changes(
      boolean rebuilt,
      Map<String, MergedRows> merged,
      List<Reconciliation.FileCount> files,
      Map<String, Map<String, Long>> warnings) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;
  private final RefData ref;
  private final Map<String, List<Object>> referenced =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Function<TableSchema, Set<String>> downstream;
  private final long broadcastKeys;

  /**
   * @param downstream for a silver table, the columns that the readers of a run's {@link
   *     MergedRows} read from its removed rows; {@code removed} holds those, the key and the
   *     lineage
   */
  public SilverJob(
      SparkSession spark,
      Warehouse warehouse,
      Schemas schemas,
      RefData ref,
      Function<TableSchema, Set<String>> downstream) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
    this.ref = ref;
    this.downstream = downstream;
    this.broadcastKeys = coopstats.Settings.broadcastKeys(spark);
  }

  private static long broadcastKeys(SparkSession spark) {
    String value = spark.conf().get(BROADCAST_KEYS, Long.toString(DEFAULT_BROADCAST_KEYS));
    try {
      long keys = Long.parseLong(value.strip());
      if (keys >= 0) {
        return keys;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Errors.badOption(BROADCAST_KEYS, value, "a whole number of keys, 0 or more");
  }

  /** Rebuilds silver and quarantine from all of bronze. */
  public Changes rebuild(Map<String, SourceProfile> sources) {
    return build(sources, null);
  }

  /**
   * Applies the bronze rows added after {@code published} (the bronze versions of the last
   * published run) to silver and quarantine. A source whose bronze table has no change feed for
   * those versions makes this throw {@link IncrementalUnavailable} before anything is written.
   */
  public Changes update(Map<String, SourceProfile> sources, Map<String, Long> published) {
    return build(sources, published);
  }

  /** Silver cannot be updated in place; the caller rebuilds it instead. */
  public static final class IncrementalUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IncrementalUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The new rows of one kind (parsed, then the valid ones ranked by key, {@code repeatedKeys} of
   * whose keys come more than once), and the snapshot sources whose earlier rows they replace.
   */
  private record Batch(
      String kind,
      TableSchema silver,
      Dataset<Row> parsed,
      Dataset<Row> ranked,
      long repeatedKeys,
      Set<String> replaced,
      List<Dataset<Row>> cached) {}

  /**
   * Valid rows marked by {@link #rank}; {@code keys}, how many of their keys come more than once.
   */
  private record Ranking(Dataset<Row> rows, long keys) {}

  /** What writing one kind's batch left: the merge's delta, and its rows for quarantine. */
  private record Written(MergedRows delta, List<Dataset<Row>> quarantined, Set<String> replaced) {}

  private Changes build(Map<String, SourceProfile> sources, Map<String, Long> published) {
    // A rebuild's kinds each fill the cores, so they go one after the other; a night's batches
    // are small, and side by side their per-query work on the driver overlaps.
    List<LandingContract> contracts = List.copyOf(schemas.contracts().values());
    Map<LandingContract, Batch> checked =
        published == null
            ? Parallel.inOrder(contracts, c -> checked(c, sources, null))
            : Parallel.map(contracts, c -> checked(c, sources, published));
    // Every kind is parsed and checked before any table is written: a fail rule stops the run
    // with nothing published.
    List<Batch> batches = checked.values().stream().filter(java.util.Objects::nonNull).toList();
    Map<Batch, Written> written =
        published == null
            ? Parallel.inOrder(batches, b -> write(b, true))
            : Parallel.map(batches, b -> write(b, false));
    List<Dataset<Row>> quarantined = new ArrayList<>();
    Set<String> replaced = new TreeSet<>();
    Map<String, MergedRows> merged = new TreeMap<>();
    written.forEach(
        (b, w) -> {
          quarantined.addAll(w.quarantined());
          replaced.addAll(w.replaced());
          if (w.delta() != null) {
            merged.put(b.silver().table(), w.delta());
          }
        });
    writeQuarantine(quarantined, replaced, published == null);
    Reconciliation.Counts counts =
        new Reconciliation(spark, warehouse, schemas)
            .count(sources, t -> new Rules(spark, warehouse, t, referenced));
    batches.forEach(b -> b.cached().forEach(Dataset::unpersist));
    return new Changes(published == null, merged, counts.files(), counts.warnings());
  }

  /**
   * One kind's new rows, parsed, checked against the quarantine rules and ranked by key, both kept
   * in memory for the writes; a broken fail rule throws. Null when the kind has nothing new.
   */
  private Batch checked(
      LandingContract contract, Map<String, SourceProfile> sources, Map<String, Long> published) {
    Batch b = batch(contract, sources, published);
    if (b == null) {
      return null;
    }
    TableSchema silver = b.silver();
    Rules rules = new Rules(spark, warehouse, silver, referenced);
    Dataset<Row> checked = rules.quarantine(b.parsed());
    if (published == null) {
      // A rebuild holds every delivered row, and silver keeps none of their text: only the rows
      // quarantined here keep it in memory. The text of a row that another row of its key
      // displaces comes from bronze (see withRaw); most keys come once.
      checked = checked.withColumn("q_raw", when(col("q_rule").isNotNull(), col("q_raw")));
    }
    // The one copy of the parsed rows: everything after reads them from memory, not bronze.
    checked = checked.persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new ArrayList<>(List.of(checked));
    Ranking ranking = rank(checked.filter(col("q_rule").isNull()), silver, cached);
    Dataset<Row> ranked = ranking.rows();
    if (published != null) {
      // A night's batch is small, and its merge reads the ranked rows several times.
      ranked = ranked.persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(ranked);
    }
    // Only the rows that would reach silver: a later correction of a key clears its rule.
    rules.failIfBroken(ranked.filter(col("q_status").equalTo("kept")));
    return new Batch(
        contract.kind(), silver, checked, ranked, ranking.keys(), b.replaced(), cached);
  }

  /**
   * Writes one kind's batch to its silver table: all of it on a rebuild, or one MERGE; returns the
   * merge's delta and the batch's rows for quarantine.
   */
  private Written write(Batch b, boolean rebuild) {
    String kind = b.kind();
    TableSchema silver = b.silver();
    Dataset<Row> kept = b.ranked().filter(col("q_status").equalTo("kept"));
    List<Dataset<Row>> quarantined = new ArrayList<>();
    quarantined.add(quarantineRows(b.parsed().filter(col("q_rule").isNotNull()), kind));
    if (b.repeatedKeys() > 0) {
      // Only a key that comes more than once has rows that another row of it displaces.
      Dataset<Row> displaced =
          quarantineRows(b.ranked().filter(col("q_status").notEqual("kept")), kind);
      // A rebuild kept no text of valid rows (see checked).
      quarantined.add(
          rebuild ? withRaw(displaced, kind, b.repeatedKeys() <= broadcastKeys) : displaced);
    }
    if (rebuild) {
      warehouse.overwrite(kept, silver);
      LOG.info("{}: rebuilt", silver.table());
      return new Written(null, quarantined, Set.of());
    }
    Set<String> replacedSources = b.replaced();
    if (replacedSources.isEmpty() && kept.isEmpty()) {
      LOG.info("{}: unchanged", silver.table());
      return new Written(null, quarantined, Set.of());
    }
    Column isReplaced = col("source").isin(replacedSources.toArray());
    // What the MERGE will remove, read before it runs from the version it starts from: the rows
    // whose key the batch delivers again, and a replaced snapshot source's rows. Only the columns
    // quarantine and gold's sums need are read.
    Dataset<Row> target =
        warehouse
            .read("silver", silver.name(), warehouse.version("silver", silver.name()))
            .select(removedColumns(silver));
    Dataset<Row> matched = displaced(target.filter(not(isReplaced)), kept, silver);
    Dataset<Row> removed =
        replacedSources.isEmpty()
            ? matched
            : matched.unionByName(
                target.filter(isReplaced).withColumn("reason", lit(null).cast("string")));
    removed = removed.localCheckpoint();
    Dataset<Row> added = kept.localCheckpoint();
    Set<Integer> touched = years(added.select("year").union(removed.select("year")));
    merge(kept, silver, replacedSources);
    // A row of a replaced snapshot source is not superseded: its release is, with its rows.
    Dataset<Row> displacedRows = removed.filter(col("reason").isNotNull());
    // Most nights replace nothing; only then is bronze read for the replaced rows' text.
    long displacedCount = displacedRows.count();
    if (displacedCount > 0) {
      quarantined.add(
          withRaw(
              displacedRows.select(
                  col("source"),
                  lit(kind).as("kind"),
                  col("_file").as("file"),
                  col("_line").as("line"),
                  lit(null).cast("string").as("raw"),
                  lit("superseded").as("rule"),
                  col("reason"),
                  col("_run_id").as("run_id")),
              kind,
              displacedCount <= broadcastKeys));
    }
    LOG.info("{}: merged; years changed {}", silver.table(), touched);
    return new Written(new MergedRows(added, removed.drop("reason")), quarantined, replacedSources);
  }

  /** The parsed new rows of one kind, or null when none of its sources has anything new. */
  private Batch batch(
      LandingContract contract, Map<String, SourceProfile> sources, Map<String, Long> published) {
    TableSchema silver = schemas.table(contract.silverTable());
    RowParser parser = new RowParser(silver, ref);
    Dataset<Row> union = null;
    Set<String> replaced = new TreeSet<>();
    for (SourceProfile p : sources.values()) {
      if (!p.kind().equals(contract.kind()) || !warehouse.exists("bronze", p.source())) {
        continue;
      }
      Dataset<Row> rows =
          published == null ? activeBronze(spark, warehouse, p) : added(p, published);
      if (rows == null) {
        continue;
      }
      if (published != null && p.isSnapshot()) {
        replaced.add(p.source());
      }
      Dataset<Row> parsed =
          rows.map(new SilverParse(parser, p, silver), Encoders.row(SilverParse.schema(silver)));
      union = union == null ? parsed : union.unionByName(parsed);
    }
    return union == null
        ? null
        : new Batch(contract.kind(), silver, union, null, 0, replaced, List.of());
  }

  /**
   * The bronze rows a source added since the published version: Delta's change feed of the appended
   * versions; for a snapshot source, its whole latest delivery. Null when nothing is new.
   */
  private Dataset<Row> added(SourceProfile p, Map<String, Long> published) {
    long current = warehouse.version("bronze", p.source());
    Long from = published.get("bronze." + p.source());
    if (from != null && from >= current) {
      return null;
    }
    if (p.isSnapshot() || from == null) {
      return activeBronze(spark, warehouse, p);
    }
    try {
      Dataset<Row> changes =
          spark
              .read()
              .format("delta")
              .option("readChangeFeed", "true")
              .option("startingVersion", from + 1)
              .option("endingVersion", current)
              .load(warehouse.path("bronze", p.source()));
      // Planning reads the log of those versions, so a missing change feed shows here, before
      // any table is written.
      changes.queryExecution().executedPlan();
      return changes
          .filter(col("_change_type").equalTo(INSERT))
          .drop("_change_type", "_commit_version", "_commit_timestamp");
    } catch (RuntimeException e) {
      throw new IncrementalUnavailable(
          "bronze."
              + p.source()
              + " has no change feed for versions "
              + (from + 1)
              + " to "
              + current,
          e);
    }
  }

  /** The bronze rows that silver is built from; for a snapshot source, its latest delivery. */
  static Dataset<Row> activeBronze(SparkSession spark, Warehouse warehouse, SourceProfile p) {
    Dataset<Row> bronze = spark.read().format("delta").load(warehouse.path("bronze", p.source()));
    if (!p.isSnapshot()) {
      return bronze;
    }
    Row latest = bronze.agg(max("_run_id")).first();
    return bronze.filter(col("_run_id").equalTo(latest.isNullAt(0) ? "" : latest.getString(0)));
  }

  /**
   * Marks each valid row: kept, duplicate (an earlier line of its key in the same delivery, naming
   * the last line) or superseded (its key is delivered again later, naming the next delivery). Kept
   * rows carry the first delivery of their key in the batch, which replaces the row silver holds
   * for that key.
   */
  private Ranking rank(Dataset<Row> valid, TableSchema silver, List<Dataset<Row>> cached) {
    // Most keys come once. Only the rows of keys that come more than once need the windows, which
    // shuffle and sort every row they see; when those keys are few, they are broadcast, and the
    // other rows are marked kept where they are. Keys are counted by a 64-bit hash: a hash seen
    // once is a key seen once, and the rare key that shares a hash with another only takes the
    // windows' path, which is exact.
    Column hash =
        xxhash64(
            silver.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    Dataset<Row> repeated =
        valid
            .groupBy(hash.as("q_key_hash"))
            .count()
            .filter(col("count").gt(1))
            .select("q_key_hash")
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(repeated);
    long keys = repeated.count();
    if (keys > broadcastKeys) {
      LOG.info(
          "{}: {} record keys come more than once, more than {} ({}) broadcasts; every row is"
              + " ranked by windows",
          silver.table(),
          keys,
          BROADCAST_KEYS,
          broadcastKeys);
      return new Ranking(rankAll(valid, silver), keys);
    }
    Column same = hash.equalTo(col("q_key_hash"));
    Dataset<Row> once =
        valid
            .join(broadcast(repeated), same, "left_anti")
            .withColumn("q_rank", lit(1))
            .withColumn("q_last_file", col("_file"))
            .withColumn("q_last_line", col("_line"))
            .withColumn("q_first_file", col("_file"))
            .withColumn("q_first_line", col("_line"))
            .withColumn("q_status", lit("kept"))
            .withColumn("q_rule", lit(null).cast("string"))
            .withColumn("q_reason", lit(null).cast("string"));
    if (keys == 0) {
      return new Ranking(once, 0);
    }
    return new Ranking(
        once.unionByName(rankAll(valid.join(broadcast(repeated), same, "left_semi"), silver)),
        keys);
  }

  /** {@link #rank} by windows over every row of {@code valid}. */
  private static Dataset<Row> rankAll(Dataset<Row> valid, TableSchema silver) {
    Column[] key =
        silver.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Column[] keyAndRun =
        Stream.concat(Stream.of(key), Stream.of(col("_run_id"))).toArray(Column[]::new);
    WindowSpec inDelivery =
        Window.partitionBy(keyAndRun).orderBy(col("_file").desc(), col("_line").desc());
    WindowSpec deliveries = Window.partitionBy(key).orderBy(col("_ingested_at"), col("_run_id"));
    // One shuffle by key serves both windows: partitions by key are also partitions by key and
    // delivery.
    Dataset<Row> ranked =
        valid
            .repartition(key)
            .withColumn("q_rank", row_number().over(inDelivery))
            .withColumn("q_last_file", first("_file").over(inDelivery))
            .withColumn("q_last_line", first("_line").over(inDelivery));
    Dataset<Row> duplicates =
        ranked
            .filter(col("q_rank").gt(1))
            .withColumn("q_status", lit("duplicate"))
            .withColumn("q_rule", lit("duplicate_key"))
            .withColumn(
                "q_reason",
                format_string(
                    "the record key is delivered again in %s line %d; the last line wins",
                    col("q_last_file"), col("q_last_line")))
            .withColumn("q_first_file", lit(null).cast("string"))
            .withColumn("q_first_line", lit(null).cast("bigint"));
    Dataset<Row> last =
        ranked
            .filter(col("q_rank").equalTo(1))
            .withColumn("q_next_file", lead("_file", 1).over(deliveries))
            .withColumn("q_next_line", lead("_line", 1).over(deliveries))
            .withColumn("q_first_file", first("_file").over(deliveries))
            .withColumn("q_first_line", first("_line").over(deliveries));
    Dataset<Row> marked =
        last.withColumn(
                "q_status",
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("q_next_file").isNull(), "kept")
                    .otherwise("superseded"))
            .withColumn(
                "q_rule",
                org.apache.spark.sql.functions.when(
                    col("q_next_file").isNotNull(), lit("superseded")))
            .withColumn("q_reason", supersededReason(col("q_next_file"), col("q_next_line")))
            .drop("q_next_file", "q_next_line");
    return marked.unionByName(duplicates);
  }

  private static Column supersededReason(Column file, Column line) {
    return org.apache.spark.sql.functions.when(
        file.isNotNull(),
        format_string(
            "a later delivery of the same record key replaced this row: %s line %d", file, line));
  }

  /**
   * The columns of a silver table that a run reads from the rows it replaces: the key, the lineage
   * quarantine needs, and what gold's sums read.
   */
  private Column[] removedColumns(TableSchema silver) {
    Set<String> wanted = new TreeSet<>(silver.key());
    wanted.addAll(List.of("source", "_file", "_line", "_run_id", "year"));
    wanted.addAll(downstream.apply(silver));
    return silver.columnNames().stream()
        .filter(wanted::contains)
        .map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }

  /**
   * The silver rows whose key a kept row of the batch delivers again, with all their columns and
   * the reason naming the first delivery of the key in the batch, which replaces them.
   */
  private static Dataset<Row> displaced(
      Dataset<Row> target, Dataset<Row> kept, TableSchema silver) {
    List<String> key = silver.key();
    Dataset<Row> firsts =
        kept.select(
            Stream.concat(key.stream(), Stream.of("q_first_file", "q_first_line"))
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
    return target
        .join(firsts, scala.jdk.javaapi.CollectionConverters.asScala(key).toSeq(), "inner")
        .withColumn("reason", supersededReason(col("q_first_file"), col("q_first_line")))
        .drop("q_first_file", "q_first_line");
  }

  /**
   * Quarantine rows of one kind with their delivered text (column {@code raw}) as bronze holds it,
   * found by source, file and line. {@code few} says the rows are few enough to broadcast.
   */
  private Dataset<Row> withRaw(Dataset<Row> rows, String kind, boolean few) {
    // The runs that ingested the rows, per source: bronze files hold one run's rows, so Delta's
    // file statistics on _run_id skip every file of the other runs.
    Map<String, Set<String>> runs = new TreeMap<>();
    for (Row r : rows.select("source", "run_id").distinct().collectAsList()) {
      runs.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
    }
    List<Dataset<Row>> raws = new ArrayList<>();
    for (SourceProfile p : schemas.profiles().values()) {
      if (p.kind().equals(kind) && runs.containsKey(p.source())) {
        raws.add(
            spark
                .read()
                .format("delta")
                .load(warehouse.path("bronze", p.source()))
                .where(col("_run_id").isin(runs.get(p.source()).toArray()))
                .select(
                    lit(p.source()).as("source"),
                    col("_file").as("file"),
                    col("_line").as("line"),
                    col("_raw").as("raw")));
      }
    }
    if (raws.isEmpty()) {
      return rows;
    }
    Dataset<Row> raw = raws.stream().reduce(Dataset::unionByName).orElseThrow();
    var lineKey =
        scala.jdk.javaapi.CollectionConverters.asScala(List.of("source", "file", "line")).toSeq();
    Dataset<Row> wanted = rows.drop("raw");
    if (few) {
      // The rows are a night's corrections or a rebuild's displaced rows, the bronze side every
      // line of their runs. An outer join cannot broadcast the side it keeps, so the few lines'
      // text is first picked out of bronze by a semi join against their broadcast keys, and only
      // that text, as few rows, is joined back: bronze is read once and never shuffled.
      raw =
          broadcast(
              raw.join(broadcast(wanted.select("source", "file", "line")), lineKey, "left_semi"));
    }
    return wanted
        .join(raw, lineKey, "left")
        .select(
            Stream.of(rows.columns())
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }

  private static Set<Integer> years(Dataset<Row> years) {
    Set<Integer> out = new TreeSet<>();
    for (Row r : years.distinct().collectAsList()) {
      if (!r.isNullAt(0)) {
        out.add(r.getInt(0));
      }
    }
    return out;
  }

  /**
   * One MERGE into a silver table (or quarantine): rows replace the rows of their key or are
   * inserted, and the rows of replaced snapshot sources that the new release does not deliver again
   * are deleted.
   */
  private void merge(Dataset<Row> rows, TableSchema table, Set<String> replaced) {
    Column on =
        table.key().stream()
            .map(k -> col("t." + k).equalTo(col("s." + k)))
            .reduce(Column::and)
            .orElseThrow();
    var merge =
        DeltaTable.forPath(spark, warehouse.path("silver", table.name()))
            .as("t")
            .merge(rows.select(Warehouse.columnsOf(rows, table)).as("s"), on)
            .whenMatched()
            .updateAll()
            .whenNotMatched()
            .insertAll();
    if (!replaced.isEmpty()) {
      merge = merge.whenNotMatchedBySource(col("t.source").isin(replaced.toArray())).delete();
    }
    merge.execute();
  }

  private void writeQuarantine(List<Dataset<Row>> rows, Set<String> replaced, boolean rebuild) {
    TableSchema quarantine = schemas.table("silver.quarantine");
    Dataset<Row> all = rows.stream().reduce(Dataset::unionByName).orElse(null);
    if (rebuild) {
      if (all != null) {
        warehouse.overwrite(all, quarantine);
      }
      return;
    }
    if (all != null) {
      // Computed once: the emptiness check and the write would otherwise each read bronze again
      // for the displaced rows' text.
      all = all.localCheckpoint();
    }
    if (replaced.isEmpty() && (all == null || all.isEmpty())) {
      LOG.info("silver.quarantine: unchanged");
      return;
    }
    if (replaced.isEmpty()) {
      // Every row is new to quarantine: it comes from a file no run has read, or from a silver row
      // (a row is in silver or in quarantine, never both), so nothing needs matching.
      warehouse.append(all, quarantine);
      LOG.info("silver.quarantine: appended");
      return;
    }
    merge(
        all != null ? all : spark.createDataFrame(List.of(), quarantine.sparkSchema()),
        quarantine,
        replaced);
    LOG.info("silver.quarantine: merged");
  }

  private static Dataset<Row> quarantineRows(Dataset<Row> rejected, String kind) {
    return rejected.select(
        col("q_source").as("source"),
        lit(kind).as("kind"),
        col("q_file").as("file"),
        col("q_line").as("line"),
        col("q_raw").as("raw"),
        col("q_rule").as("rule"),
        col("q_reason").as("reason"),
        col("q_run_id").as("run_id"));
  }
}
