package coopstats.gold;

import coopstats.Errors;
import coopstats.contract.RuleSpec;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.BoxedUnit;

/**
 * Computes each gold table from silver and ref with its SQL file, and publishes it in one commit
 * per table: all of it ({@link #build}), or only the years a change in silver reaches ({@link
 * #update}), with {@code replaceWhere} on the year so that other years' files stay as they are.
 */
public final class GoldJob {
  private static final Logger LOG = LoggerFactory.getLogger(GoldJob.class);
  public static final List<String> TABLES =
      List.of("investment_share_yearly", "tech_investment_ratio_yearly", "program_roi_yearly");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  public GoldJob(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  /** Recomputes every gold table whole. */
  public void build() {
    Map<String, String> plan = new java.util.LinkedHashMap<>();
    TABLES.forEach(t -> plan.put(t, null));
    publish(plan);
  }

  /**
   * Computes the planned rows of every table (all of it, or the rows of a year predicate), checks
   * them all against their tables' rules, and only then writes them, one commit per table.
   */
  private void publish(Map<String, String> plan) {
    Map<String, Dataset<Row>> computed = new java.util.LinkedHashMap<>();
    try {
      plan.forEach(
          (table, where) -> {
            Dataset<Row> rows = compute(table);
            if (where != null) {
              rows = rows.where(functions.expr(where));
            }
            rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
            computed.put(table, rows);
            check(schemas.table("gold." + table), rows);
          });
      checkReaders(plan.keySet());
      computed.forEach(
          (table, rows) -> {
            TableSchema schema = schemas.table("gold." + table);
            String where = plan.get(table);
            if (where == null) {
              warehouse.overwrite(rows, schema);
              LOG.info("gold.{}: published", table);
            } else {
              warehouse.replaceWhere(rows, schema, where);
              LOG.info("gold.{}: published {}", table, where);
            }
          });
    } finally {
      computed.values().forEach(Dataset::unpersist);
    }
  }

  /**
   * Checks that every gold table, a planned one created first, stays readable without Spark, so
   * that a run never publishes gold that dashboards cannot open.
   */
  private void checkReaders(Set<String> planned) {
    for (String table : TABLES) {
      TableSchema schema = schemas.table("gold." + table);
      if (planned.contains(table)) {
        warehouse.ensure(schema);
      }
      if (warehouse.exists("gold", table)) {
        ReaderCompatibility.check(spark, schema.table(), warehouse.path("gold", table));
      }
    }
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
   * Recomputes, in each gold table, the years that {@code changed} (years per silver table) reach
   * through the table's inputs and its declared year dependence. A table none of whose inputs
   * changed gets no commit.
   */
  public void update(Map<String, Set<Integer>> changed) {
    Map<String, String> plan = new java.util.LinkedHashMap<>();
    for (String table : TABLES) {
      TableSchema schema = schemas.table("gold." + table);
      TreeSet<Integer> years = new TreeSet<>();
      for (String input : inputs(compute(table))) {
        years.addAll(changed.getOrDefault(input, Set.of()));
      }
      if (years.isEmpty()) {
        LOG.info("gold.{}: inputs unchanged; kept", table);
      } else {
        plan.put(table, affected(schema.yearDependenceOrDefault(), years));
      }
    }
    publish(plan);
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

  /** The silver tables a gold query reads, from its analysed plan. */
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

  /** The rows of a gold table, computed from the silver and ref tables in the catalog. */
  public Dataset<Row> compute(String table) {
    return spark.sql(sql(table));
  }

  /** The SQL of every gold table, for the run's fingerprint. */
  public static List<String> sqlTexts() {
    return TABLES.stream().map(GoldJob::sql).toList();
  }

  static String sql(String table) {
    String resource = "/sql/gold/" + table + ".sql";
    try (InputStream in = GoldJob.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
