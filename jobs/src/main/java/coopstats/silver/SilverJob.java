package coopstats.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.Settings;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import coopstats.spark.MergedRows;
import coopstats.spark.Parallel;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
 * since the last published run, with one {@code MERGE} per table ({@link NightlyMerge}). Both leave
 * the same tables. The row-level work is in {@link Ranking} and {@link QuarantineRows}; bronze is
 * read through {@link BronzeRows} and tables are written through {@link SilverWrites}.
 */
public final class SilverJob {
  private static final Logger LOG = LoggerFactory.getLogger(SilverJob.class);

  /**
   * What a build did: rebuilt everything, or merged the given silver tables; every file's
   * accounting; and the rows that break each warn rule, per silver table.
   */
  public record Changes(
      boolean rebuilt,
      Map<String, MergedRows> merged,
      List<Reconciliation.FileCount> files,
      Map<String, Map<String, Long>> warnings) {}

  /** Silver cannot be updated in place; the caller rebuilds it instead. */
  public static final class IncrementalUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IncrementalUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Warehouse warehouse;
  private final Schemas schemas;
  private final RefData ref;
  private final BronzeRows bronze;
  private final SilverWrites writes;
  private final NightlyMerge nightly;
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
    this.warehouse = warehouse;
    this.schemas = schemas;
    this.ref = ref;
    this.broadcastKeys = Settings.broadcastKeys(spark);
    this.bronze = new BronzeRows(warehouse, schemas.profiles().values());
    this.writes = new SilverWrites(spark, warehouse);
    this.nightly =
        new NightlyMerge(
            warehouse,
            writes,
            bronze,
            downstream,
            broadcastKeys,
            schemas.table("silver.quarantine"));
  }

  /** Rebuilds silver and quarantine from all of bronze. */
  public Changes rebuild(Map<String, SourceProfile> sources) {
    return build(sources, new Plan.Rebuild());
  }

  /**
   * Applies the bronze rows added after {@code published} (the bronze versions of the last
   * published run) to silver and quarantine. A source whose bronze table has no change feed for
   * those versions makes this throw {@link IncrementalUnavailable} before anything is written.
   */
  public Changes update(Map<String, SourceProfile> sources, Map<String, Long> published) {
    return build(sources, new Plan.Incremental(published));
  }

  private Changes build(Map<String, SourceProfile> sources, Plan plan) {
    boolean rebuild = plan.rebuild();
    Map<String, List<Object>> refValues =
        RefValues.read(
            warehouse,
            schemas.contracts().values().stream()
                .flatMap(c -> schemas.table(c.silverTable()).rulesOrEmpty().stream())
                .toList());
    // A rebuild's kinds each fill the cores, so they go one after the other; a night's batches
    // are small, and side by side their per-query work on the driver overlaps.
    List<LandingContract> contracts = List.copyOf(schemas.contracts().values());
    Function<LandingContract, Batch> check =
        c -> checked(batch(c, sources, plan), rebuild, refValues);
    Map<LandingContract, Batch> checked =
        rebuild ? Parallel.inOrder(contracts, check) : Parallel.map(contracts, check);
    // Every kind is parsed and checked before any table is written: a fail rule stops the run
    // with nothing published.
    List<Batch> batches = checked.values().stream().filter(Objects::nonNull).toList();
    Map<Batch, Batch.Written> written =
        rebuild
            ? Parallel.inOrder(batches, this::overwrite)
            : Parallel.map(batches, b -> nightly.merge(b, quarantined(b, false)));
    List<Dataset<Row>> quarantined = new ArrayList<>();
    Set<String> replaced = new TreeSet<>();
    Map<String, MergedRows> merged = new TreeMap<>();
    written.forEach(
        (b, w) -> {
          quarantined.addAll(w.quarantined());
          replaced.addAll(w.replaced());
          if (w.merged() != null) {
            merged.put(b.silver().table(), w.merged());
          }
        });
    writes.quarantine(quarantined, replaced, rebuild, schemas.table("silver.quarantine"));
    Reconciliation.Counts counts =
        new Reconciliation(warehouse, schemas, bronze)
            .count(sources, t -> new Rules(t, refValues, netFlowSources()));
    batches.forEach(b -> b.cached().forEach(Dataset::unpersist));
    return new Changes(rebuild, merged, counts.files(), counts.warnings());
  }

  /** The sources whose profiles say {@code net_flows: true}. */
  private java.util.Set<String> netFlowSources() {
    java.util.Set<String> net = new TreeSet<>();
    schemas.profiles().values().stream()
        .filter(SourceProfile::isNetFlows)
        .forEach(p -> net.add(p.source()));
    return net;
  }

  /** The parsed new rows of one kind, or null when none of its sources has anything new. */
  private Batch batch(LandingContract contract, Map<String, SourceProfile> sources, Plan plan) {
    TableSchema silver = schemas.table(contract.silverTable());
    RowParser parser = new RowParser(silver, ref);
    Dataset<Row> union = null;
    Set<String> replaced = new TreeSet<>();
    for (SourceProfile p : sources.values()) {
      if (!p.kind().equals(contract.kind()) || !warehouse.exists("bronze", p.source())) {
        continue;
      }
      Dataset<Row> rows = plan.rows(bronze, p);
      if (rows == null) {
        continue;
      }
      if (!plan.rebuild() && p.isSnapshot()) {
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
   * One kind's new rows, checked against the quarantine rules and ranked by key, both kept in
   * memory for the writes; a broken fail rule throws. Null when the kind has nothing new.
   */
  private Batch checked(Batch b, boolean rebuild, Map<String, List<Object>> refValues) {
    if (b == null) {
      return null;
    }
    Rules rules = new Rules(b.silver(), refValues, netFlowSources());
    Dataset<Row> checked = rules.quarantine(b.parsed());
    if (rebuild) {
      // A rebuild holds every delivered row, and silver keeps none of their text: only the rows
      // quarantined here keep it in memory. The text of a row that another row of its key
      // displaces comes from bronze (see quarantined); most keys come once.
      checked = checked.withColumn("q_raw", when(col("q_rule").isNotNull(), col("q_raw")));
    }
    // The one copy of the parsed rows: everything after reads them from memory, not bronze.
    checked = checked.persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new ArrayList<>(List.of(checked));
    Ranking.Ranked ranked =
        Ranking.rank(checked.filter(col("q_rule").isNull()), b.silver(), broadcastKeys, cached);
    Dataset<Row> rows = ranked.rows();
    if (!rebuild) {
      // A night's batch is small, and its merge reads the ranked rows several times.
      rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(rows);
    }
    Batch out = new Batch(b.kind(), b.silver(), checked, rows, ranked.keys(), b.replaced(), cached);
    // Only the rows that would reach silver: a later correction of a key clears its rule.
    rules.firstBroken(out.kept()).ifPresent(this::fail);
    return out;
  }

  /** Stops the run for a broken fail rule, with the first breaking row's delivered text. */
  private void fail(Rules.Broken broken) {
    throw broken.error(
        broken.raw() != null
            ? broken.raw()
            : bronze.lineText(broken.source(), broken.file(), broken.sheet(), broken.line()));
  }

  /**
   * The batch's rows for quarantine: those rejected, and those another row of their key displaced.
   */
  private List<Dataset<Row>> quarantined(Batch b, boolean rebuild) {
    TableSchema quarantine = schemas.table("silver.quarantine");
    List<Dataset<Row>> quarantined = new ArrayList<>();
    quarantined.add(
        QuarantineRows.fromParsed(
            b.parsed().filter(col("q_rule").isNotNull()), b.kind(), quarantine));
    if (b.repeatedKeys() > 0) {
      // Only a key that comes more than once has rows that another row of it displaces.
      Dataset<Row> displaced =
          QuarantineRows.fromParsed(
              b.ranked().filter(col("q_status").notEqual("kept")), b.kind(), quarantine);
      // A rebuild kept no text of valid rows (see checked).
      quarantined.add(
          rebuild
              ? bronze.withText(displaced, b.kind(), b.repeatedKeys() <= broadcastKeys)
              : displaced);
    }
    return quarantined;
  }

  /** A rebuild's write of one kind: the kept rows replace the silver table's. */
  private Batch.Written overwrite(Batch b) {
    writes.overwrite(b.kept(), b.silver());
    LOG.info("{}: rebuilt", b.silver().table());
    return new Batch.Written(null, quarantined(b, true), Set.of());
  }
}
