package coopstats.gold;

import coopstats.Errors;
import coopstats.contract.RuleSpec;
import coopstats.contract.TableSchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules a gold table's schema file declares, checked on the rows a run is about to write. */
final class GoldRules {
  private static final Logger LOG = LoggerFactory.getLogger(GoldRules.class);

  /** The view a rule's {@code violations} query reads the rows from, as schema files write it. */
  static final String ROWS = "rows";

  private GoldRules() {}

  /**
   * Checks {@code rows} against every rule of {@code schema}. A broken fail rule stops the run
   * before any gold table is written; a broken warn rule is logged.
   */
  static void check(TableSchema schema, Dataset<Row> rows) {
    for (RuleSpec rule : schema.rulesOrEmpty()) {
      List<String> first = filterBroken(rows, rule).toJSON().limit(1).collectAsList();
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
   * What breaks {@code rule}: the rows whose {@code expect} is false (null passes), or the rows its
   * {@code violations} query returns over them.
   */
  static Dataset<Row> filterBroken(Dataset<Row> rows, RuleSpec rule) {
    if (rule.violations() != null) {
      return SqlOverRows.over(rows, ROWS, rule.violations());
    }
    return rows.filter(
        functions.not(functions.coalesce(functions.expr(rule.expect()), functions.lit(true))));
  }
}
