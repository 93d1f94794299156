package coopstats.bench;

import coopstats.contract.ColumnSpec;
import coopstats.contract.LandingContract;
import coopstats.contract.Lineage;
import coopstats.contract.RuleSpec;
import coopstats.contract.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DuckDB SQL that turns one kind's bronze rows (all text, one column per landing column) into
 * typed rows with the rule each broke, generated from the same silver schema file the pipeline
 * parses with ({@code parse}, {@code from}, {@code nullable}, {@code min}/{@code max}, rules). The
 * per-value normalisation lives in the SQL macros of {@code peer-macros.sql}; this class only
 * strings them together column by column, in the schema's order, so that a row's rule is the one
 * the pipeline names first.
 */
final class SilverSql {
  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

  private final TableSchema silver;
  private final LandingContract contract;
  private final String source;

  SilverSql(TableSchema silver, LandingContract contract, String source) {
    this.silver = silver;
    this.contract = contract;
    this.source = source;
  }

  private String kind() {
    return contract.kind();
  }

  private List<ColumnSpec> usdColumns() {
    return silver.columns().stream().filter(c -> "usd".equals(c.parse())).toList();
  }

  private List<String> amountSources() {
    return silver.columns().stream()
        .filter(c -> "decimal".equals(c.parse()) || "usd".equals(c.parse()))
        .map(ColumnSpec::source)
        .distinct()
        .toList();
  }

  private static String q(String identifier) {
    return "\"" + identifier + "\"";
  }

  private static String lit(String s) {
    return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
  }

  /**
   * CREATE TABLE typed_kind: lineage, q_rule (null for a valid row), then the silver columns. A
   * line DuckDB could not split (a JSON line cut off) arrives as all nulls and is malformed.
   */
  String typed() {
    List<String> landing = contract.columns().stream().map(LandingContract.Column::name).toList();
    String r =
        "SELECT _file, rowid AS _row, "
            + landing.stream()
                .map(c -> "nz(" + q(c) + ") AS " + q(c))
                .collect(Collectors.joining(", "))
            + ", ("
            + landing.stream().map(c -> q(c) + " IS NULL").collect(Collectors.joining(" AND "))
            + ") AS q_empty FROM bronze_"
            + kind();
    boolean money = !usdColumns().isEmpty();
    // a: the cleaned amounts and the lookup keys, each computed once.
    List<String> a = new ArrayList<>();
    for (String s : amountSources()) {
      a.add("amt_clean(" + q(s) + ") AS " + q(s + "__c"));
    }
    a.add(
        (money
                ? usdColumns().stream()
                    .map(c -> q(c.source()) + " IS NOT NULL")
                    .collect(Collectors.joining(" OR ", "(", ")"))
                : "false")
            + " AS has_amount");
    // b: the lookups, as joins with the reference tables.
    List<String> b = new ArrayList<>();
    List<String> joins = new ArrayList<>();
    for (ColumnSpec c : silver.columns()) {
      String raw = q(c.source());
      String n = c.name();
      switch (c.parse()) {
        case "country_iso3" -> {
          a.add(
              "CASE WHEN regexp_full_match("
                  + raw
                  + ", '[A-Za-z]{2,3}') THEN upper("
                  + raw
                  + ") END AS "
                  + q(n + "__code"));
          a.add("name_key(" + raw + ") AS " + q(n + "__key"));
          joins.add(
              "LEFT JOIN ref.country_code "
                  + q(n + "__j1")
                  + " ON "
                  + q(n + "__j1")
                  + ".code = a."
                  + q(n + "__code"));
          joins.add(
              "LEFT JOIN ref.country_key "
                  + q(n + "__j2")
                  + " ON "
                  + q(n + "__j2")
                  + ".key = a."
                  + q(n + "__key"));
          b.add(
              "coalesce("
                  + q(n + "__j1")
                  + ".iso3, "
                  + q(n + "__j2")
                  + ".iso3) AS "
                  + q(n + "__v"));
        }
        case "month" -> {
          a.add("month_key(" + raw + ") AS " + q(n + "__key"));
          joins.add(
              "LEFT JOIN ref.month_name "
                  + q(n + "__j")
                  + " ON "
                  + q(n + "__j")
                  + ".name = a."
                  + q(n + "__key"));
          b.add(
              "coalesce("
                  + q(n + "__j")
                  + ".month, month_digits(a."
                  + q(n + "__key")
                  + ")) AS "
                  + q(n + "__v"));
        }
        case "is_tech" -> {
          a.add("sector_key(" + raw + ") AS " + q(n + "__key"));
          joins.add(
              "LEFT JOIN ref.sector_key "
                  + q(n + "__j")
                  + " ON "
                  + q(n + "__j")
                  + ".key = a."
                  + q(n + "__key"));
          b.add("coalesce(bool_val(a.is_tech), " + q(n + "__j") + ".is_tech) AS " + q(n + "__v"));
        }
        default -> {}
      }
    }
    if (money) {
      a.add("CASE WHEN length(currency) = 3 THEN upper(currency) END AS cur__upper");
      a.add("lower(currency) AS cur__lower");
      a.add("int_val(\"year\") AS year__v");
      joins.add("LEFT JOIN ref.currency_code cur__j1 ON cur__j1.code = a.cur__upper");
      joins.add("LEFT JOIN ref.currency_name cur__j2 ON cur__j2.name = a.cur__lower");
      b.add("coalesce(cur__j1.code, cur__j2.code) AS cur__code");
      b.add(
          "CASE WHEN year__v = trunc(year__v) AND abs(year__v) <= 2147483647 THEN CAST(year__v AS"
              + " INTEGER) END AS year__int");
    }
    // m: each amount split once into its number and the unit word written beside it.
    List<String> m = new ArrayList<>();
    for (String s : amountSources()) {
      m.add("amt_split(" + q(s + "__c") + ") AS " + q(s + "__m"));
      String parts = "a." + q(s + "__m");
      String unit = "lower(strip_ws(" + parts + ".unit))";
      b.add(
          "CASE WHEN a."
              + q(s + "__c")
              + " IS NULL THEN NULL WHEN "
              + parts
              + ".num = '' THEN 'invalid_number' WHEN "
              + unit
              + " <> '' AND unit_mult("
              + unit
              + ") IS NULL THEN 'unknown_unit' WHEN num_norm("
              + parts
              + ".num) IS NULL THEN 'invalid_number' END AS "
              + q(s + "__err"));
      b.add("num_norm(" + parts + ".num) AS " + q(s + "__num"));
      b.add("nullif(" + unit + ", '') AS " + q(s + "__eu"));
    }
    // fx: the year's rate (USD is 1), joined once the currency and year are known.
    String fx =
        money
            ? "SELECT b.*, CASE WHEN cur__code = 'USD' THEN CAST(1 AS DECIMAL(18, 6)) ELSE"
                + " fx__j.units_per_usd END AS fx__v FROM b LEFT JOIN ref.fx_rate fx__j ON"
                + " fx__j.currency = b.cur__code AND fx__j.year = b.year__int"
            : "SELECT b.* FROM b";
    // cents: each USD column once, amount × unit ÷ rate.
    List<String> cents = new ArrayList<>();
    for (ColumnSpec c : usdColumns()) {
      String s = c.source();
      cents.add(
          "CASE WHEN "
              + q(s + "__err")
              + " IS NULL AND "
              + q(s + "__num")
              + " IS NOT NULL AND fx__v IS NOT NULL THEN usd_cents("
              + q(s + "__num")
              + ", coalesce(unit_mult("
              + q(s + "__eu")
              + "), unit_mult(coalesce(unit, ''))), fx__v) END AS "
              + q(c.name() + "__cents"));
    }
    List<String> values = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    errors.add("CASE WHEN q_empty THEN 'malformed_record' END");
    for (ColumnSpec c : silver.columns()) {
      column(c, values, errors);
    }
    return "CREATE OR REPLACE TABLE typed_"
        + kind()
        + " AS WITH r AS ("
        + r
        + "), a AS (SELECT r.*, "
        + String.join(", ", a)
        + " FROM r), m AS (SELECT a.*"
        + (m.isEmpty() ? "" : ", " + String.join(", ", m))
        + " FROM a), b AS (SELECT a.*, "
        + String.join(", ", b)
        + " FROM m AS a "
        + String.join(" ", joins)
        + "), f AS ("
        + fx
        + "), d AS (SELECT f.*"
        + (cents.isEmpty() ? "" : ", " + String.join(", ", cents))
        + " FROM f) SELECT _file, _row, coalesce("
        + String.join(", ", errors)
        + ") AS q_rule, "
        + String.join(", ", values)
        + " FROM d";
  }

  private void column(ColumnSpec c, List<String> values, List<String> errors) {
    String name = q(c.name());
    String raw = q(c.source());
    String required = c.isNullable() ? "NULL" : "'not_null'";
    switch (c.parse()) {
      case "lineage" -> {
        switch (c.name()) {
          case "source" -> values.add(lit(source) + " AS source");
          case Lineage.FILE -> values.add(Lineage.FILE);
          case Lineage.LINE -> values.add("_row AS _line");
          case Lineage.RUN_ID -> values.add("'duckdb' AS _run_id");
          case Lineage.INGESTED_AT ->
              values.add("CAST(current_timestamp AS TIMESTAMP) AS _ingested_at");
          default -> throw new IllegalStateException("unknown lineage column " + c.name());
        }
      }
      case "text" -> {
        values.add(raw + " AS " + name);
        errors.add("CASE WHEN " + raw + " IS NULL THEN " + required + " END");
      }
      case "int" -> {
        String v = "int_val(" + raw + ")";
        values.add(
            "CASE WHEN "
                + v
                + " = trunc("
                + v
                + ") AND abs("
                + v
                + ") <= 2147483647 THEN CAST("
                + v
                + " AS INTEGER) END AS "
                + name);
        errors.add(
            "CASE WHEN "
                + raw
                + " IS NULL THEN "
                + required
                + " WHEN "
                + v
                + " IS NULL OR "
                + v
                + " <> trunc("
                + v
                + ") THEN 'invalid_number'"
                + (c.min() == null
                    ? ""
                    : " WHEN " + v + " < " + c.min().toPlainString() + " THEN 'range'")
                + (c.max() == null
                    ? ""
                    : " WHEN " + v + " > " + c.max().toPlainString() + " THEN 'range'")
                + " WHEN abs("
                + v
                + ") > 2147483647 THEN 'range' END");
      }
      case "month" -> {
        String v = q(c.name() + "__v");
        values.add(v + " AS " + name);
        errors.add(
            "CASE WHEN " + raw + " IS NOT NULL AND " + v + " IS NULL THEN 'invalid_month' END");
      }
      case "boolean" -> {
        values.add("bool_val(" + raw + ") AS " + name);
        errors.add(
            "CASE WHEN "
                + raw
                + " IS NOT NULL AND bool_val("
                + raw
                + ") IS NULL THEN 'invalid_boolean' END");
      }
      case "country_iso3" -> {
        String v = q(c.name() + "__v");
        values.add(v + " AS " + name);
        errors.add(
            "CASE WHEN "
                + raw
                + " IS NULL THEN "
                + required
                + " WHEN "
                + v
                + " IS NULL THEN 'unknown_country' END");
      }
      case "is_tech" -> {
        values.add(q(c.name() + "__v") + " AS " + name);
        errors.add(
            "CASE WHEN is_tech IS NOT NULL AND bool_val(is_tech) IS NULL THEN 'invalid_boolean' END");
      }
      case "decimal" -> {
        int[] ps = decimal(c);
        String num = q(c.source() + "__num");
        values.add(
            "CASE WHEN "
                + q(c.source() + "__err")
                + " IS NULL THEN TRY_CAST("
                + num
                + " AS DECIMAL("
                + ps[0]
                + ","
                + ps[1]
                + ")) END AS "
                + name);
        errors.add(
            "CASE WHEN "
                + raw
                + " IS NULL THEN "
                + required
                + " WHEN "
                + q(c.source() + "__err")
                + " IS NOT NULL THEN "
                + q(c.source() + "__err")
                + " WHEN int_digits("
                + num
                + ") > "
                + (ps[0] - ps[1])
                + " THEN 'range' END");
      }
      case "currency" -> {
        values.add("CASE WHEN has_amount THEN cur__code END AS " + name);
        errors.add(
            "CASE WHEN has_amount AND currency IS NULL THEN 'not_null' WHEN has_amount AND cur__code"
                + " IS NULL THEN 'unknown_currency' WHEN NOT has_amount THEN "
                + required
                + " END");
      }
      case "unit" -> {
        String embedded =
            usdColumns().stream()
                .map(u -> q(u.source() + "__eu"))
                .collect(Collectors.joining(", "));
        values.add("CASE WHEN has_amount THEN coalesce(unit, " + embedded + ") END AS " + name);
        errors.add(
            "CASE WHEN has_amount AND unit IS NOT NULL AND unit_mult(unit) IS NULL THEN"
                + " 'unknown_unit' WHEN NOT has_amount THEN "
                + required
                + " END");
      }
      case "fx_rate" -> {
        values.add("CASE WHEN has_amount THEN fx__v END AS " + name);
        errors.add(
            "CASE WHEN has_amount AND \"year\" IS NULL THEN 'not_null' WHEN has_amount AND"
                + " cur__code IS NOT NULL AND fx__v IS NULL THEN 'missing_fx_rate' WHEN NOT"
                + " has_amount THEN "
                + required
                + " END");
      }
      case "usd" -> {
        int[] ps = decimal(c);
        if (ps[1] != 2) {
          throw new IllegalStateException(
              c.name() + ": the peer converts to USD at scale 2 (cents), not " + c.type());
        }
        String cents = q(c.name() + "__cents");
        values.add(
            "CASE WHEN "
                + q(c.source() + "__err")
                + " IS NULL AND abs("
                + cents
                + ") < 1e"
                + ps[0]
                + " THEN cents_to_decimal("
                + cents
                + ") END AS "
                + name);
        errors.add(
            "CASE WHEN "
                + raw
                + " IS NULL THEN "
                + required
                + " WHEN "
                + q(c.source() + "__err")
                + " IS NOT NULL THEN "
                + q(c.source() + "__err")
                + " WHEN "
                + q(c.source() + "__eu")
                + " IS NULL AND unit_mult(coalesce(unit, '')) IS NULL THEN 'unknown_unit'"
                + " WHEN abs("
                + cents
                + ") >= 1e"
                + ps[0]
                + " THEN 'range' END");
      }
      default ->
          throw new IllegalStateException("the peer has no SQL for parse '" + c.parse() + "'");
    }
  }

  private static int[] decimal(ColumnSpec c) {
    Matcher m = DECIMAL.matcher(c.type().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalStateException(c.name() + " is not a decimal column: " + c.type());
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
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
    String key = silver.key().stream().map(SilverSql::q).collect(Collectors.joining(", "));
    return "CREATE OR REPLACE TABLE checked_"
        + kind()
        + " AS WITH ruled AS (SELECT * REPLACE ("
        + rule
        + " AS q_rule) FROM typed_"
        + kind()
        + ") SELECT * REPLACE (CASE WHEN q_rule IS NOT NULL THEN q_rule WHEN row_number() OVER"
        + " (PARTITION BY "
        + key
        + ", q_rule IS NULL ORDER BY _file DESC, _line DESC) > 1 THEN 'duplicate_key' END AS"
        + " q_rule) FROM ruled";
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
          + r.acceptedValues().stream().map(SilverSql::lit).collect(Collectors.joining(", "))
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

  /** SELECT the count of kept rows breaking each fail rule, one column per rule. */
  String failCounts() {
    List<String> counts = new ArrayList<>();
    for (RuleSpec r : silver.rulesOrEmpty()) {
      if (r.actionOrDefault() == RuleSpec.Action.FAIL) {
        counts.add("count(*) FILTER (WHERE " + broken(r) + ") AS " + q(r.name()));
      }
    }
    return counts.isEmpty()
        ? null
        : "SELECT "
            + String.join(", ", counts)
            + " FROM checked_"
            + kind()
            + " WHERE q_rule IS NULL";
  }

  /** The silver table's columns, in its schema's order. */
  String columnList() {
    return silver.columns().stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
  }
}
