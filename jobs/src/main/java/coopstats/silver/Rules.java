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

import coopstats.CoopstatsException;
import coopstats.Errors;
import coopstats.contract.RuleSpec;
import coopstats.contract.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A silver table's declared rules, evaluated by Spark on typed rows: {@code quarantine} rules mark
 * the rows that break them, {@code fail} rules stop the run before anything is written, and {@code
 * warn} rules are counted over the table.
 */
final class Rules {
  private final TableSchema table;
  private final Map<String, List<Object>> refValues;

  /**
   * {@code refValues} holds, for each {@code ref.<table>.<column>} that a rule references, the
   * values it allows (see {@link RefValues}).
   */
  Rules(TableSchema table, Map<String, List<Object>> refValues) {
    this(table, refValues, java.util.Set.of());
  }

  /**
   * As above, with the sources whose profiles say {@code net_flows: true}: their rows never break a
   * rule declared {@code except_net_flows: true}.
   */
  Rules(TableSchema table, Map<String, List<Object>> refValues, java.util.Set<String> netFlows) {
    this.table = table;
    this.refValues = refValues;
    this.netFlows = netFlows;
  }

  private final java.util.Set<String> netFlows;

  private List<RuleSpec> rules(RuleSpec.Action action) {
    return table.rulesOrEmpty().stream().filter(r -> r.actionOrDefault() == action).toList();
  }

  /** True where a row breaks the rule; a rule on a null value is not broken. */
  Column broken(RuleSpec r) {
    Column broken = brokenByAnySource(r);
    if (r.isExceptNetFlows() && !netFlows.isEmpty()) {
      // Official FDI flows are net of disinvestment: a negative year is a fact, not an error.
      return broken.and(not(col("source").isin(netFlows.toArray())));
    }
    return broken;
  }

  private Column brokenByAnySource(RuleSpec r) {
    if (r.expect() != null) {
      return not(coalesce(expr(r.expect()), lit(true)));
    }
    Column c = col(r.column());
    List<Object> allowed =
        r.acceptedValues() != null
            ? List.copyOf(r.acceptedValues())
            : refValues.get(r.references());
    if (allowed == null) {
      throw new IllegalStateException("the values of " + r.references() + " were not read");
    }
    return c.isNotNull().and(not(c.isin(allowed.toArray())));
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
   * A fail rule that a row of {@code valid} (this run's rows) breaks: the first declared one, how
   * many rows break it, and the first such row. Empty when no fail rule is broken.
   */
  Optional<Broken> firstBroken(Dataset<Row> valid) {
    List<RuleSpec> rules = rules(RuleSpec.Action.FAIL);
    if (rules.isEmpty()) {
      return Optional.empty();
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
                .orderBy("q_file", "q_sheet", "q_line")
                .select(
                    col("q_source"),
                    col("q_file"),
                    col("q_sheet"),
                    col("q_line"),
                    col("q_raw"),
                    reason(r))
                .first();
        return Optional.of(
            new Broken(
                table.table(),
                r.name(),
                n,
                example.getString(0),
                example.getString(1),
                example.getString(2),
                example.getLong(3),
                example.getString(4),
                example.getString(5)));
      }
    }
    return Optional.empty();
  }

  /**
   * A broken fail rule: the table, the rule, how many rows break it, and the first such row's
   * source, file, sheet (null outside workbooks), line, text (null when the run did not keep it)
   * and reason.
   */
  record Broken(
      String table,
      String rule,
      long rows,
      String source,
      String file,
      String sheet,
      long line,
      String raw,
      String reason) {

    /** The error that stops the run, with the row's delivered text. */
    CoopstatsException error(String text) {
      return Errors.ruleFailed(table, rule, rows, file, sheet, line, text, reason);
    }
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
