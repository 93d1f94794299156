package coopstats.bench;

import static coopstats.bench.Sql.lit;
import static coopstats.bench.Sql.q;

import coopstats.contract.RuleSpec;
import coopstats.contract.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB SQL of a silver schema file's rules over typed_kind: quarantine rules and the
 * last-line-wins dedup make checked_kind; fail rules are counted over the rows kept.
 */
final class RuleSql {
  private final TableSchema silver;
  private final String kind;

  RuleSql(TableSchema silver, String kind) {
    this.silver = silver;
    this.kind = kind;
  }

  /**
   * CREATE TABLE checked_kind: the typed rows with the quarantine rules applied (the first declared
   * rule a valid row breaks), then each valid key's winner: the last line of the key, by file and
   * row, as the pipeline's last-line-wins; the earlier lines are duplicate_key.
   */
  String checked() {
    StringBuilder rule = new StringBuilder("CASE WHEN q_rule IS NOT NULL THEN q_rule");
    for (RuleSpec r : silver.rulesOrEmpty()) {
      if (r.actionOrDefault() == RuleSpec.Action.QUARANTINE) {
        rule.append(" WHEN ").append(broken(r)).append(" THEN ").append(lit(r.name()));
      }
    }
    rule.append(" END");
    String key = silver.key().stream().map(Sql::q).collect(Collectors.joining(", "));
    return "CREATE OR REPLACE TABLE checked_"
        + kind
        + " AS WITH ruled AS (SELECT * REPLACE ("
        + rule
        + " AS q_rule) FROM typed_"
        + kind
        + ") SELECT * REPLACE (CASE WHEN q_rule IS NOT NULL THEN q_rule WHEN row_number() OVER"
        + " (PARTITION BY "
        + key
        + ", q_rule IS NULL ORDER BY _file DESC, _line DESC) > 1 THEN 'duplicate_key' END AS"
        + " q_rule) FROM ruled";
  }

  /** SELECT the count of kept rows breaking each fail rule, one column per rule; null if none. */
  String failCounts() {
    List<String> counts = new ArrayList<>();
    for (RuleSpec r : silver.rulesOrEmpty()) {
      if (r.actionOrDefault() == RuleSpec.Action.FAIL) {
        counts.add("count(*) FILTER (WHERE " + broken(r) + ") AS " + q(r.name()));
      }
    }
    return counts.isEmpty()
        ? null
        : "SELECT " + String.join(", ", counts) + " FROM checked_" + kind + " WHERE q_rule IS NULL";
  }

  /** True where a row breaks the rule; a rule on a null value is not broken. */
  private static String broken(RuleSpec r) {
    if (r.expect() != null) {
      return "NOT coalesce((" + r.expect() + "), true)";
    }
    String c = q(r.column());
    if (r.acceptedValues() != null) {
      return c
          + " IS NOT NULL AND "
          + c
          + " NOT IN ("
          + r.acceptedValues().stream().map(Sql::lit).collect(Collectors.joining(", "))
          + ")";
    }
    String[] ref = r.references().split("\\.");
    return c
        + " IS NOT NULL AND "
        + c
        + " NOT IN (SELECT "
        + q(ref[2])
        + " FROM "
        + ref[0]
        + "."
        + q(ref[1])
        + " WHERE "
        + q(ref[2])
        + " IS NOT NULL)";
  }
}
