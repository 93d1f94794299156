package coopstats.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data dictionary ({@code docs/tables.md}), rendered from the table schema files alone: every
 * table's description, grain, key, partitioning, columns and rules, and for a gold table the SQL
 * file that computes it and the tables that file reads. {@code coopstats docs} writes it; a test
 * fails when the committed file differs from what the schema files say.
 */
public final class DataDictionary {
  static final List<String> LAYERS = List.of("gold", "silver", "ref", "ops");
  private static final String[] LAYER_TITLES = {
    "Gold: yearly statistics, for analysts and dashboards",
    "Silver: typed canonical rows and quarantine",
    "Ref: reference data, loaded from schemas/ref/",
    "Ops: the run log and data quality"
  };

  private DataDictionary() {}

  public static String render(Schemas schemas) {
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary\n\n")
        .append("Generated from `schemas/tables/` by `bin/coopstats docs`; edit the schema files,")
        .append(" not this file.\nEach table is a Delta table at `<warehouse>/<layer>/<table>`,")
        .append(" named `<layer>.<table>` in `bin/coopstats sql`,\nand carries the same")
        .append(" descriptions as its table and column comments.\n\n")
        .append("| table | grain |\n|---|---|\n");
    for (String layer : LAYERS) {
      for (TableSchema t : tablesOf(schemas, layer)) {
        md.append("| [`")
            .append(t.table())
            .append("`](#")
            .append(t.table().replace(".", ""))
            .append(") | ")
            .append(cell(t.grain()))
            .append(" |\n");
      }
    }
    for (int i = 0; i < LAYERS.size(); i++) {
      md.append("\n## ").append(LAYER_TITLES[i]).append('\n');
      for (TableSchema t : tablesOf(schemas, LAYERS.get(i))) {
        table(md, schemas, t);
      }
    }
    return md.toString();
  }

  private static List<TableSchema> tablesOf(Schemas schemas, String layer) {
    return schemas.tables().stream().filter(t -> t.layer().equals(layer)).toList();
  }

  private static void table(StringBuilder md, Schemas schemas, TableSchema t) {
    md.append("\n### ").append(t.table()).append("\n\n");
    md.append(t.description().strip()).append("\n\n");
    md.append("- **Grain:** ").append(t.grain().strip()).append('\n');
    md.append("- **Key:** ").append(codes(t.key())).append('\n');
    md.append("- **Partitioned by:** ")
        .append(t.partitions().isEmpty() ? "not partitioned" : codes(t.partitions()))
        .append('\n');
    if (t.layer().equals("gold")) {
      GoldQuery q = schemas.goldQuery(t.table());
      md.append("- **Query:** `schemas/")
          .append(schemas.dir().relativize(q.file()).toString().replace('\\', '/'))
          .append("`, which reads ")
          .append(codes(q.inputs()))
          .append('\n');
      md.append("- **A year's rows are computed from:** ")
          .append(
              switch (t.yearDependenceOrDefault()) {
                case YEAR -> "that year alone";
                case PREVIOUS_YEAR -> "that year and the previous calendar year";
                case EARLIER_YEARS -> "that year and every earlier year";
              })
          .append('\n');
    }
    md.append("\n| column | type | nullable | description |\n|---|---|---|---|\n");
    for (ColumnSpec c : t.columns()) {
      md.append("| `")
          .append(c.name())
          .append("` | ")
          .append(c.type())
          .append(" | ")
          .append(c.isNullable() ? "yes" : "no")
          .append(" | ")
          .append(cell(c.comment() + range(c)))
          .append(" |\n");
    }
    if (!t.rulesOrEmpty().isEmpty()) {
      md.append("\nRules (")
          .append("`warn` keeps and counts a row, `quarantine` moves it to `silver.quarantine`,")
          .append(" `fail` publishes nothing):\n\n| rule | checks | action | reason |\n")
          .append("|---|---|---|---|\n");
      for (RuleSpec r : t.rulesOrEmpty()) {
        md.append("| `")
            .append(r.name())
            .append("` | ")
            .append(cell(checks(r)))
            .append(" | ")
            .append(r.actionOrDefault().name().toLowerCase(java.util.Locale.ROOT))
            .append(" | ")
            .append(cell(r.reason()))
            .append(" |\n");
      }
    }
  }

  private static String checks(RuleSpec r) {
    if (r.expect() != null) {
      return "`" + r.expect().strip() + "`";
    }
    if (r.acceptedValues() != null) {
      return "`" + r.column() + "` is one of " + codes(r.acceptedValues());
    }
    if (r.references() != null) {
      return "`" + r.column() + "` is in `" + r.references() + "`";
    }
    return "no rows from `" + r.violations().strip().replaceAll("\\s+", " ") + "`";
  }

  private static String range(ColumnSpec c) {
    if (c.min() == null && c.max() == null) {
      return "";
    }
    return " Range: "
        + (c.min() == null ? "up to " + plain(c.max()) : plain(c.min()))
        + (c.min() != null && c.max() != null ? " to " + plain(c.max()) : "")
        + (c.min() != null && c.max() == null ? " or more" : "")
        + ".";
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static String codes(List<String> names) {
    return names == null || names.isEmpty()
        ? "none"
        : names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }

  /** Text for a Markdown table cell: one line, pipes escaped. */
  private static String cell(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ").replace("|", "\\|");
  }
}
