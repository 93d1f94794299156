package coopstats.gold;

import coopstats.contract.GoldQuery;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.MergedRows;
import coopstats.spark.Parallel;
import coopstats.spark.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes gold from silver and ref, each table with the SQL file beside its schema file, in two
 * steps:
 *
 * <ul>
 *   <li>the <em>sums</em>, whose SQL reads one silver table: silver summed at the finest grain the
 *       statistics need. Every column but the key adds up, so a nightly run adds the sums of the
 *       rows its merges added to silver and subtracts those of the rows they removed ({@link
 *       Sums}), and never reads all of silver again;
 *   <li>the yearly <em>statistics</em>, computed from the sums and ref.
 * </ul>
 *
 * <p>Each table is published in one commit: all of it ({@link #build}), or only the years a change
 * reaches ({@link #update}, {@link AffectedYears}), with {@code replaceWhere} on the year so that
 * other years' files stay as they are. Rows are checked against their table's rules ({@link
 * GoldRules}) before any is written.
 */
public final class GoldJob {
  private static final Logger LOG = LoggerFactory.getLogger(GoldJob.class);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  public GoldJob(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  /**
   * For a silver table, the columns that gold's sums read, from Spark's analysis of the SQL of the
   * sums tables that read it; none when no gold table reads it.
   */
  public static Function<TableSchema, Set<String>> columnsRead(
      SparkSession spark, Schemas schemas) {
    return silver -> {
      Set<String> read = new TreeSet<>();
      for (GoldQuery q : queries(schemas, GoldQuery.Kind.SUMS)) {
        if (q.silverInput().equals(silver.table())) {
          read.addAll(SilverColumns.read(spark, q, silver));
        }
      }
      return read;
    };
  }

  /** Recomputes every gold table whole: the sums from all of silver, then the statistics. */
  public void build() {
    checkReaders();
    for (GoldQuery.Kind kind : GoldQuery.Kind.values()) {
      Map<GoldQuery, String> whole = new LinkedHashMap<>();
      queries(schemas, kind).forEach(q -> whole.put(q, null));
      publish(whole);
    }
  }

  /**
   * Brings gold up to date with the silver tables a run merged ({@code merged}: the rows each merge
   * added and removed). A sums table adds the sums of the added rows and subtracts those of the
   * removed ones, for the years those rows fall in; then each statistic recomputes the years that
   * the changed sums reach through its declared year dependence. A table none of whose inputs
   * changed gets no commit.
   */
  public void update(Map<String, MergedRows> merged) {
    checkReaders();
    Map<String, TreeSet<Integer>> changed = updateSums(merged);
    Map<GoldQuery, String> statistics = new LinkedHashMap<>();
    for (GoldQuery q : queries(schemas, GoldQuery.Kind.STATISTIC)) {
      TreeSet<Integer> years = new TreeSet<>();
      q.inputs().forEach(input -> years.addAll(changed.getOrDefault(input, new TreeSet<>())));
      if (years.isEmpty()) {
        LOG.info("{}: inputs unchanged; kept", q.table());
      } else {
        TableSchema schema = schemas.table(q.table());
        statistics.put(q, AffectedYears.predicate(schema.yearDependenceOrDefault(), years));
      }
    }
    publish(statistics);
  }

  /** Publishes the sums tables whose silver table a merge changed; returns the years per table. */
  private Map<String, TreeSet<Integer>> updateSums(Map<String, MergedRows> merged) {
    List<GoldQuery> sums =
        queries(schemas, GoldQuery.Kind.SUMS).stream()
            .filter(q -> merged.containsKey(q.silverInput()))
            .toList();
    queries(schemas, GoldQuery.Kind.SUMS).stream()
        .filter(q -> !sums.contains(q))
        .forEach(q -> LOG.info("{}: {} unchanged; kept", q.table(), q.silverInput()));
    Map<GoldQuery, Dataset<Row>> deltas =
        Parallel.map(sums, q -> delta(q, merged.get(q.silverInput())).localCheckpoint());
    Map<GoldQuery, TreeSet<Integer>> touched =
        Parallel.map(sums, q -> AffectedYears.of(deltas.get(q)));
    Map<String, TreeSet<Integer>> changed = new TreeMap<>();
    Map<GoldQuery, String> plan = new LinkedHashMap<>();
    Map<GoldQuery, Dataset<Row>> rows = new LinkedHashMap<>();
    for (GoldQuery q : sums) {
      if (touched.get(q).isEmpty()) {
        LOG.info("{}: the changes to {} add up to nothing; kept", q.table(), q.silverInput());
        continue;
      }
      changed.put(q.table(), touched.get(q));
      String where = AffectedYears.predicate(TableSchema.YearDependence.YEAR, touched.get(q));
      Dataset<Row> current = warehouse.read("gold", q.name()).where(where);
      rows.put(q, Sums.withDelta(current, deltas.get(q), schemas.table(q.table())));
      plan.put(q, where);
    }
    publish(plan, rows);
    return changed;
  }

  /** What a merge did to a sums table: its SQL over the added rows, minus over the removed. */
  private Dataset<Row> delta(GoldQuery sums, MergedRows merged) {
    // Named after the gold table: the deltas are computed side by side.
    Dataset<Row> added =
        SqlOverRows.readingRowsAs(
            sums.sql(), sums.silverInput(), merged.added(), "coopstats_added_" + sums.name());
    Dataset<Row> removed =
        SqlOverRows.readingRowsAs(
            sums.sql(), sums.silverInput(), merged.removed(), "coopstats_removed_" + sums.name());
    return Sums.delta(added, removed, schemas.table(sums.table()));
  }

  /** Publishes each table of {@code plan}: all of it, or the rows its year predicate selects. */
  private void publish(Map<GoldQuery, String> plan) {
    Map<GoldQuery, Dataset<Row>> rows = new LinkedHashMap<>();
    plan.forEach(
        (q, where) -> {
          Dataset<Row> computed = compute(q);
          rows.put(q, where == null ? computed : computed.where(functions.expr(where)));
        });
    publish(plan, rows);
  }

  /**
   * Computes the planned rows of every table in {@code plan} (all of it, or the rows of a year
   * predicate), checks them all against their tables' rules, and only then writes them, one commit
   * per table. The sums are published before the statistics are computed from them; a statistic
   * whose check fails makes the run put every table it wrote back (see {@code Pipeline}).
   */
  private void publish(Map<GoldQuery, String> plan, Map<GoldQuery, Dataset<Row>> planned) {
    List<GoldQuery> tables = List.copyOf(plan.keySet());
    // Computed once, here, side by side: the checks and the write read these rows, not silver
    // again. A checkpoint rather than a cache, because dropping a check's temporary view over the
    // rows would also drop a cache of them. Gold is small by construction.
    Map<GoldQuery, Dataset<Row>> computed =
        Parallel.map(tables, q -> planned.get(q).localCheckpoint());
    tables.forEach(q -> GoldRules.check(schemas.table(q.table()), computed.get(q)));
    Parallel.forEach(
        tables,
        q -> {
          TableSchema schema = schemas.table(q.table());
          String where = plan.get(q);
          if (where == null) {
            warehouse.overwrite(computed.get(q), schema);
            LOG.info("{}: published", q.table());
          } else {
            warehouse.replaceWhere(computed.get(q), schema, where);
            LOG.info("{}: published {}", q.table(), where);
          }
        });
  }

  /**
   * Checks that every gold table, each created first if it is missing, stays readable without
   * Spark, so that a run never publishes gold that dashboards cannot open. Runs before anything of
   * gold is written. A table that exists is taken as its caller ensured it (the pipeline does so
   * before it notes the versions a failed run puts back).
   */
  private void checkReaders() {
    Parallel.forEach(
        schemas.goldTables(),
        table -> {
          TableSchema schema = schemas.table("gold." + table);
          if (!warehouse.exists("gold", table)) {
            warehouse.ensure(schema);
          }
          ReaderCompatibility.check(spark, schema.table(), warehouse.path("gold", table));
        });
  }

  /** The rows of a gold table, computed from the tables in the catalog. */
  Dataset<Row> compute(GoldQuery query) {
    return spark.sql(query.sql());
  }

  private static List<GoldQuery> queries(Schemas schemas, GoldQuery.Kind kind) {
    return schemas.goldQueries().stream().filter(q -> q.kind() == kind).toList();
  }
}
