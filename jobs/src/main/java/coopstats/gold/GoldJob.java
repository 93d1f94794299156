package coopstats.gold;

import static org.apache.spark.sql.functions.col;

import coopstats.Errors;
import coopstats.contract.GoldQuery;
import coopstats.contract.RuleSpec;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.BoxedUnit;

/**
 * Computes gold from silver and ref, each table with its SQL file, in two steps:
 *
 * <ul>
 *   <li>the <em>sums</em> (those whose SQL reads a silver table): each silver table summed at the
 *       finest grain the statistics need. Every column but the key adds up, so a nightly run adds
 *       the sums of the rows its merges added to silver and subtracts those of the rows they
 *       removed, and never reads all of silver again;
 *   <li>the yearly <em>statistics</em> (the others), computed from the sums and ref.
 * </ul>
 *
 * <p>Each table is published in one commit: all of it ({@link #build}), or only the years a change
 * reaches ({@link #update}), with {@code replaceWhere} on the year so that other years' files stay
 * as they are. Rows are checked against their table's rules before they are written.
 */
public final class GoldJob {
  private static final Logger LOG = LoggerFactory.getLogger(GoldJob.class);

  private static final Pattern SILVER = Pattern.compile("\\bsilver\\.([a-z_][a-z0-9_]*)\\b");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;
  private final List<String> sumsTables;
  private final List<String> statisticTables;

  public GoldJob(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
    this.sumsTables = names(schemas, GoldQuery.Kind.SUMS);
    this.statisticTables = names(schemas, GoldQuery.Kind.STATISTIC);
  }

  private static List<String> names(Schemas schemas, GoldQuery.Kind kind) {
    return schemas.goldQueries().stream()
        .filter(q -> q.kind() == kind)
        .map(GoldQuery::name)
        .toList();
  }

  /** Recomputes every gold table whole: the sums from all of silver, then the statistics. */
  public void build() {
    checkReaders();
    Map<String, String> sums = new LinkedHashMap<>();
    sumsTables.forEach(t -> sums.put(t, null));
    publish(sums);
    Map<String, String> statistics = new LinkedHashMap<>();
    statisticTables.forEach(t -> statistics.put(t, null));
    publish(statistics);
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
    Map<String, Set<Integer>> changed = new TreeMap<>();
    Map<String, Dataset<Row>> rows = new LinkedHashMap<>();
    Map<String, String> plan = new LinkedHashMap<>();
    List<String> sums =
        sumsTables.stream().filter(t -> merged.containsKey(silverTable(t))).toList();
    sumsTables.stream()
        .filter(t -> !sums.contains(t))
        .forEach(t -> LOG.info("gold.{}: {} unchanged; kept", t, silverTable(t)));
    Map<String, Dataset<Row>> deltas =
        Parallel.map(sums, table -> delta(table, merged.get(silverTable(table))).localCheckpoint());
    // The checkpoints hold the deltas now; the views they were computed through are the update's
    // own, and a later query in the same session must not see them.
    for (String table : sums) {
      spark.catalog().dropTempView(view("added_" + table));
      spark.catalog().dropTempView(view("removed_" + table));
    }
    Map<String, TreeSet<Integer>> touched = Parallel.map(sums, table -> years(deltas.get(table)));
    for (String table : sums) {
      if (touched.get(table).isEmpty()) {
        LOG.info("gold.{}: the changes to {} add up to nothing; kept", table, silverTable(table));
        continue;
      }
      changed.put("gold." + table, touched.get(table));
      String where = affected(TableSchema.YearDependence.YEAR, touched.get(table));
      rows.put(table, applied(table, deltas.get(table), where));
      plan.put(table, where);
    }
    publish(plan, rows);
    Map<String, String> statistics = new LinkedHashMap<>();
    for (String table : statisticTables) {
      TableSchema schema = schemas.table("gold." + table);
      TreeSet<Integer> years = new TreeSet<>();
      for (String input : inputs(compute(table))) {
        years.addAll(changed.getOrDefault(input, Set.of()));
      }
      if (years.isEmpty()) {
        LOG.info("gold.{}: inputs unchanged; kept", table);
      } else {
        statistics.put(table, affected(schema.yearDependenceOrDefault(), years));
      }
    }
    publish(statistics);
  }

  /**
   * What a merge did to a sums table: its SQL over the rows the merge added, minus the same over
   * the rows it removed, per key. Only keys whose sums move are kept.
   */
  private Dataset<Row> delta(String table, MergedRows merged) {
    TableSchema schema = schemas.table("gold." + table);
    // Named after the gold table: the deltas are computed side by side.
    Dataset<Row> added = summed(table, merged.added(), "added_" + table);
    Dataset<Row> removed = summed(table, merged.removed(), "removed_" + table);
    List<String> measures = measures(schema);
    Column[] negated =
        Stream.concat(
                schema.key().stream().map(functions::col),
                measures.stream().map(m -> functions.negate(col(m)).as(m)))
            .toArray(Column[]::new);
    Dataset<Row> delta = added.unionByName(removed.select(negated));
    return sumByKey(delta, schema)
        .where(
            measures.stream()
                .map(m -> col(m).notEqual(functions.lit(0)))
                .reduce(Column::or)
                .orElseThrow());
  }

  /**
   * For a silver table, the columns that gold's sums read: those of its columns that the SQL of a
   * sums table reading it names.
   */
  public static Function<TableSchema, Set<String>> columnsRead(Schemas schemas) {
    return silver -> {
      Set<String> read = new TreeSet<>();
      for (GoldQuery q : schemas.goldQueries()) {
        if (q.kind() == GoldQuery.Kind.SUMS && q.silverInput().equals(silver.table())) {
          for (String c : silver.columnNames()) {
            if (Pattern.compile("\\b" + Pattern.quote(c) + "\\b").matcher(q.sql()).find()) {
              read.add(c);
            }
          }
        }
      }
      return read;
    };
  }

  /** The table's SQL over {@code rows}, as if they were all of the silver table it reads. */
  private Dataset<Row> summed(String table, Dataset<Row> rows, String view) {
    String name = view(view);
    rows.createOrReplaceTempView(name);
    return spark.sql(SILVER.matcher(sql(table)).replaceAll(name));
  }

  private static String view(String name) {
    return "coopstats_" + name;
  }

  /**
   * The table's new rows for the years {@code where} selects: its rows there now plus {@code
   * delta}, summed per key. A key whose every measure comes to zero has no rows left and is
   * dropped; one whose row count does not (a count below zero would mean the feed and the table
   * disagree) is kept for the table's rules to judge.
   */
  private Dataset<Row> applied(String table, Dataset<Row> delta, String where) {
    TableSchema schema = schemas.table("gold." + table);
    Dataset<Row> current =
        spark.read().format("delta").load(warehouse.path("gold", table)).where(where);
    Column[] columns = schema.columnNames().stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> sum = sumByKey(current.select(columns).unionByName(delta.select(columns)), schema);
    return sum.where(
        measures(schema).stream()
            .map(m -> col(m).notEqual(functions.lit(0)))
            .reduce(Column::or)
            .orElseThrow());
  }

  private static Dataset<Row> sumByKey(Dataset<Row> rows, TableSchema schema) {
    List<String> measures = measures(schema);
    Column[] sums = measures.stream().map(m -> functions.sum(col(m)).as(m)).toArray(Column[]::new);
    return rows.groupBy(schema.key().stream().map(functions::col).toArray(Column[]::new))
        .agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length));
  }

  /** A sums table's additive columns: every column but the key. */
  private static List<String> measures(TableSchema schema) {
    return schema.columnNames().stream().filter(c -> !schema.key().contains(c)).toList();
  }

  private static TreeSet<Integer> years(Dataset<Row> rows) {
    TreeSet<Integer> years = new TreeSet<>();
    for (Row r : rows.select("year").distinct().collectAsList()) {
      years.add(r.getInt(0));
    }
    return years;
  }

  private String silverTable(String sums) {
    return schemas.goldQuery("gold." + sums).silverInput();
  }

  private void publish(Map<String, String> plan) {
    Map<String, Dataset<Row>> rows = new LinkedHashMap<>();
    plan.forEach(
        (table, where) -> {
          Dataset<Row> computed = compute(table);
          rows.put(table, where == null ? computed : computed.where(functions.expr(where)));
        });
    publish(plan, rows);
  }

  /**
   * Computes the planned rows of every table in {@code plan} (all of it, or the rows of a year
   * predicate), checks them all against their tables' rules, and only then writes them, one commit
   * per table. The sums are published before the statistics are computed from them; a statistic
   * whose check fails makes the run put every table it wrote back (see {@code Pipeline}).
   */
  private void publish(Map<String, String> plan, Map<String, Dataset<Row>> planned) {
    List<String> tables = List.copyOf(plan.keySet());
    // Computed once, here, side by side: the checks and the write read these rows, not silver
    // again. A checkpoint rather than a cache, because dropping a check's temporary view over the
    // rows would also drop a cache of them. Gold is small by construction.
    Map<String, Dataset<Row>> computed =
        Parallel.map(tables, table -> planned.get(table).localCheckpoint());
    // One after the other: every check reads its rows as the view "rows".
    tables.forEach(table -> check(schemas.table("gold." + table), computed.get(table)));
    Parallel.forEach(
        tables,
        table -> {
          TableSchema schema = schemas.table("gold." + table);
          String where = plan.get(table);
          if (where == null) {
            warehouse.overwrite(computed.get(table), schema);
            LOG.info("gold.{}: published", table);
          } else {
            warehouse.replaceWhere(computed.get(table), schema, where);
            LOG.info("gold.{}: published {}", table, where);
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

  /**
   * Checks a gold table's new rows against the rules its schema file declares. A broken fail rule
   * stops the run before any gold table is written; a broken warn rule is logged.
   */
  private void check(TableSchema schema, Dataset<Row> rows) {
    for (RuleSpec rule : schema.rulesOrEmpty()) {
      Dataset<Row> broken;
      if (rule.violations() != null) {
        rows.createOrReplaceTempView("rows");
        broken = spark.sql(rule.violations());
      } else {
        broken =
            rows.filter(
                functions.not(
                    functions.coalesce(functions.expr(rule.expect()), functions.lit(true))));
      }
      List<String> first = broken.toJSON().limit(1).collectAsList();
      // The view is the check's own: a later query in the same session must not see it.
      spark.catalog().dropTempView("rows");
      if (first.isEmpty()) {
        continue;
      }
      if (rule.actionOrDefault() == RuleSpec.Action.WARN) {
        LOG.warn(
            "{}: check {} is broken: {}; {}",
            schema.table(),
            rule.name(),
            first.get(0),
            rule.reason());
      } else {
        throw Errors.goldCheckFailed(
            schema.table(), rule.name() + " (" + rule.reason().strip() + ")", first.get(0));
      }
    }
  }

  /**
   * The predicate on year that covers every year whose rows depend on one of {@code years}. Built
   * from integers only.
   */
  static String affected(TableSchema.YearDependence dependence, TreeSet<Integer> years) {
    return switch (dependence) {
      case YEAR -> "year IN (" + join(years) + ")";
      case PREVIOUS_YEAR -> {
        TreeSet<Integer> withNext = new TreeSet<>(years);
        years.forEach(y -> withNext.add(y + 1));
        yield "year IN (" + join(withNext) + ")";
      }
      case EARLIER_YEARS -> "year >= " + years.first();
    };
  }

  private static String join(Set<Integer> years) {
    return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** The tables a gold query reads, from its analysed plan. */
  static Set<String> inputs(Dataset<Row> rows) {
    Set<String> names = new TreeSet<>();
    rows.queryExecution()
        .analyzed()
        .foreach(
            node -> {
              if (node instanceof SubqueryAlias a && !a.identifier().qualifier().isEmpty()) {
                names.add(a.identifier().qualifier().last() + "." + a.identifier().name());
              }
              return BoxedUnit.UNIT;
            });
    return names;
  }

  /** The rows of a gold table, computed from the tables in the catalog. */
  public Dataset<Row> compute(String table) {
    return spark.sql(sql(table));
  }

  /** The SQL file of a gold table, loaded with {@code schemas/}. */
  private String sql(String table) {
    return schemas.goldQuery("gold." + table).sql();
  }
}
