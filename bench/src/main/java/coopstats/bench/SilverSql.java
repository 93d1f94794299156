package coopstats.bench;

import static coopstats.bench.Sql.q;

import coopstats.contract.ColumnSpec;
import coopstats.contract.LandingContract;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB SQL that turns one kind's bronze rows (all text, one column per landing column) into
 * typed rows with the rule each broke, generated from the same silver schema file the pipeline
 * parses with ({@code parse}, {@code from}, {@code nullable}, {@code min}/{@code max}). The
 * per-value normalisation lives in the SQL macros of {@code peer-macros.sql}; this class only
 * strings them together column by column, in the schema's order, so that a row's rule is the one
 * the pipeline names first. The quarantine rules and the dedup follow in {@link RuleSql}.
 */
final class SilverSql {
  private final TableSchema silver;
  private final LandingContract contract;
  private final SourceProfile profile;

  SilverSql(TableSchema silver, LandingContract contract, SourceProfile profile) {
    this.silver = silver;
    this.contract = contract;
    this.profile = profile;
  }

  /**
   * CREATE TABLE typed_kind: lineage, q_rule (null for a valid row), then the silver columns. Its
   * stages: r, the landing text; a, the cleaned amounts and lookup keys; m, the amounts split; b,
   * the lookups; f, the FX rate; d, the USD cents.
   */
  String typed() {
    Amounts amounts = new Amounts(silver);
    Stages s = new Stages();
    amounts.clean(s);
    for (ColumnSpec c : silver.columns()) {
      s.add(LookupSql.of(c));
    }
    amounts.currencyAndYear(s);
    amounts.split(s);
    amounts.cents(s);
    return "CREATE OR REPLACE TABLE typed_"
        + contract.kind()
        + " AS WITH r AS ("
        + landingRows()
        + "), a AS (SELECT r.*, "
        + String.join(", ", s.keys)
        + " FROM r), m AS (SELECT a.*"
        + (s.splits.isEmpty() ? "" : ", " + String.join(", ", s.splits))
        + " FROM a), b AS (SELECT a.*, "
        + String.join(", ", s.lookups)
        + " FROM m AS a "
        + String.join(" ", s.joins)
        + "), f AS ("
        + amounts.fx()
        + "), d AS (SELECT f.*"
        + (s.cents.isEmpty() ? "" : ", " + String.join(", ", s.cents))
        + " FROM f) "
        + silverColumns(amounts)
        + " FROM d";
  }

  /**
   * Stage r: the landing values, blank as null. A line DuckDB could not split (a JSON line cut off)
   * arrives as all nulls and is malformed.
   */
  private String landingRows() {
    List<String> landing = contract.columns().stream().map(LandingContract.Column::name).toList();
    return "SELECT _file, rowid AS _row, "
        + landing.stream().map(c -> "nz(" + q(c) + ") AS " + q(c)).collect(Collectors.joining(", "))
        + ", ("
        + landing.stream().map(c -> q(c) + " IS NULL").collect(Collectors.joining(" AND "))
        + ") AS q_empty FROM bronze_"
        + contract.kind();
  }

  /** The final select: lineage, the first rule the row breaks, then each column's value. */
  private String silverColumns(Amounts amounts) {
    List<String> values = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    rules.add("CASE WHEN q_empty THEN 'malformed_record' END");
    for (ColumnSpec c : silver.columns()) {
      ColumnSql column = ColumnSql.of(c, profile, amounts);
      values.add(column.value());
      if (column.rule() != null) {
        rules.add(column.rule());
      }
    }
    return "SELECT _file, _row, coalesce("
        + String.join(", ", rules)
        + ") AS q_rule, "
        + String.join(", ", values);
  }

  /** The silver table's columns, in its schema's order. */
  String columnList() {
    return silver.columns().stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
  }
}
