package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The schema file of the lineage columns, {@code tables/lineage.yaml}: their types, nullability and
 * comments, declared once for every silver table that says {@code lineage: true}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record LineageColumns(List<ColumnSpec> columns) {
  static final String FILE = "lineage.yaml";

  /** What is wrong with the file, or null: it must declare {@link Lineage#SILVER}, in order. */
  String problem() {
    List<String> names =
        columns == null ? List.of() : columns.stream().map(ColumnSpec::name).toList();
    if (!names.equals(Lineage.SILVER)) {
      return "it declares the lineage columns "
          + names
          + ", but coopstats writes "
          + Lineage.SILVER
          + "; declare exactly those, in that order";
    }
    return columns.stream()
        .filter(c -> c.parseKind() != ParseKind.LINEAGE)
        .findFirst()
        .map(c -> "lineage column " + c.name() + " must say parse: lineage")
        .orElse(null);
  }

  /** What is wrong with how a table file uses the lineage columns, or null. */
  static String problem(TableSchema t) {
    if (t.carriesLineage() && !t.layer().equals("silver")) {
      return "lineage: true is for silver tables, and " + t.table() + " is not one";
    }
    return t.columns().stream()
        .filter(c -> Lineage.SILVER.contains(c.name()))
        .findFirst()
        .map(
            c ->
                "column "
                    + c.name()
                    + " is a lineage column: remove it and say lineage: true, and the table gets"
                    + " every lineage column from tables/"
                    + FILE)
        .orElse(null);
  }
}
