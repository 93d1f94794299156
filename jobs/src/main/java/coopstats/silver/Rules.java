package coopstats.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import coopstats.Errors;
import coopstats.contract.RuleSpec;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A silver table's declared rules, evaluated by Spark on typed rows: {@code quarantine} rules mark
 * the rows that break them, {@code fail} rules stop the run before anything is written, and {@code
 * warn} rules are counted over the table.
 */
final class Rules {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final TableSchema table;
  private final Map<String, List<Object>> referenced;

  /**
   * {@code referenced} holds the values of the {@code ref.*} columns that rules reference, read
   * once per run and shared by the run's tables: ref does not change while silver is written.
   */
  Rules(
      SparkSession spark,
      Warehouse warehouse,
      TableSchema table,
      Map<String, List<Object>> referenced) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.table = table;
    this.referenced = referenced;
  }

  private List<RuleSpec> rules(RuleSpec.Action action) {
    return table.rulesOrEmpty().stream().filter(r -> r.actionOrDefault() == action).toList();
  }

  /** True where a row breaks the rule; a rule on a null value is not broken. */
  Column broken(RuleSpec r) {
    if (r.expect() != null) {
      return not(coalesce(expr(r.expect()), lit(true)));
    }
    Column c = col(r.column());
    List<Object> allowed =
        r.acceptedValues() != null
            ? List.copyOf(r.acceptedValues())
            : referenced.computeIfAbsent(r.references(), this::read);
    return c.isNotNull().and(not(c.isin(allowed.toArray())));
  }

  /** The values of {@code ref.<table>.<column>}, read from the warehouse (a few hundred). */
  private List<Object> read(String reference) {
    String[] parts = reference.split("\\.");
    List<Object> values = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(warehouse.path(parts[0], parts[1]))
            .select(parts[2])
            .distinct()
            .collectAsList()) {
      if (!r.isNullAt(0)) {
        values.add(r.get(0));
      }
    }
    return values;
  }

  /** The rule's reason with {@code {value}} filled in from the row. */
  private Column reason(RuleSpec r) {
    String[] parts = r.reason().strip().split("\\{value\\}", -1);
    if (parts.length == 1 || r.column() == null) {
      return lit(r.reason().strip());
    }
    List<Column> pieces = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        pieces.add(coalesce(col(r.column()).cast("string"), lit("(empty)")));
      }
      pieces.add(lit(parts[i]));
    }
    return concat(pieces.toArray(Column[]::new));
  }

  /**
   * Sets {@code q_rule} and {@code q_reason} on the valid rows that break a quarantine rule, the
   * first declared one that they break. Rows already rejected keep their rule; a rejected row has
   * null values, which break no rule.
   */
  Dataset<Row> quarantine(Dataset<Row> valid) {
    List<RuleSpec> rules = rules(RuleSpec.Action.QUARANTINE);
    if (rules.isEmpty()) {
      return valid;
    }
    Column rule = lit(null).cast("string");
    Column reason = lit(null).cast("string");
    for (int i = rules.size() - 1; i >= 0; i--) {
      RuleSpec r = rules.get(i);
      rule = when(broken(r), lit(r.name())).otherwise(rule);
      reason = when(broken(r), reason(r)).otherwise(reason);
    }
    return valid
        .withColumn("q_reason", coalesce(col("q_reason"), when(col("q_rule").isNull(), reason)))
        .withColumn("q_rule", coalesce(col("q_rule"), rule));
  }

  /**
   * Stops the run when a row of {@code valid} (this run's rows) breaks a fail rule: the error names
   * the rule, how many rows break it, and the first such row's file, line and text.
   */
  void failIfBroken(Dataset<Row> valid) {
    List<RuleSpec> rules = rules(RuleSpec.Action.FAIL);
    if (rules.isEmpty()) {
      return;
    }
    Row counts =
        valid
            .agg(
                sum(when(broken(rules.get(0)), 1).otherwise(0)),
                rules.stream()
                    .skip(1)
                    .map(r -> sum(when(broken(r), 1).otherwise(0)))
                    .toArray(Column[]::new))
            .first();
    for (int i = 0; i < rules.size(); i++) {
      long n = counts.isNullAt(i) ? 0 : counts.getLong(i);
      if (n > 0) {
        RuleSpec r = rules.get(i);
        Row example =
            valid
                .filter(broken(r))
                .orderBy("q_file", "q_line")
                .select(col("q_file"), col("q_line"), col("q_raw"), reason(r), col("q_source"))
                .first();
        String raw =
            example.isNullAt(2)
                ? delivered(example.getString(4), example.getString(0), example.getLong(1))
                : example.getString(2);
        throw Errors.ruleFailed(
            table.table(),
            r.name(),
            n,
            example.getString(0),
            example.getLong(1),
            raw,
            example.getString(3));
      }
    }
  }

  /**
   * A line's text as bronze holds it, for rows that did not keep it (a rebuild keeps the text of
   * quarantined rows only).
   */
  private String delivered(String source, String file, long line) {
    List<Row> found =
        spark
            .read()
            .format("delta")
            .load(warehouse.path("bronze", source))
            .where(col("_file").equalTo(file).and(col("_line").equalTo(line)))
            .select("_raw")
            .limit(1)
            .collectAsList();
    return found.isEmpty() ? null : found.get(0).getString(0);
  }

  /** The names of the table's warn rules, in the order of {@link #warnCounts}. */
  List<String> warnNames() {
    return rules(RuleSpec.Action.WARN).stream().map(RuleSpec::name).toList();
  }

  /**
   * An aggregate column: per warn rule, in declaration order, how many rows break it, as an array
   * of longs (empty when the table has no warn rule).
   */
  Column warnCounts() {
    Column[] sums =
        rules(RuleSpec.Action.WARN).stream()
            .map(r -> coalesce(sum(when(broken(r), 1L).otherwise(0L)), lit(0L)))
            .toArray(Column[]::new);
    return sums.length == 0 ? array().cast("array<bigint>") : array(sums);
  }
}
