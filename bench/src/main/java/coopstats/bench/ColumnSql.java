package coopstats.bench;

import static coopstats.bench.Sql.lit;
import static coopstats.bench.Sql.q;

import coopstats.contract.ColumnSpec;
import coopstats.contract.Lineage;
import coopstats.contract.SourceProfile;

/**
 * The SQL of one silver column in typed_kind: its value, and the rule a row breaks on it, as the
 * pipeline's RowParser decides for the column's parse kind. Lookups and amounts come from the
 * earlier stages ({@link LookupSql}, {@link Amounts}).
 *
 * @param value the column's value, named as the column
 * @param rule a CASE giving the rule the row breaks on this column, or null when none can be
 */
record ColumnSql(String value, String rule) {

  /**
   * @param profile the landing source, whose name and series are the lineage columns {@code source}
   *     and {@code series}
   * @param amounts the table's amounts, which the money columns read
   */
  static ColumnSql of(ColumnSpec c, SourceProfile profile, Amounts amounts) {
    if (c.parseKind() == null) {
      throw new IllegalStateException("the peer has no SQL for parse '" + c.parse() + "'");
    }
    return switch (c.parseKind()) {
      case LINEAGE -> new ColumnSql(lineage(c, profile), null);
      case TEXT -> text(c);
      case INT -> integer(c);
      case MONTH -> month(c);
      case BOOLEAN -> bool(c);
      case COUNTRY_ISO3 -> country(c);
      case IS_TECH -> isTech(c);
      case DECIMAL -> AmountColumnSql.decimal(c);
      case CURRENCY -> AmountColumnSql.currency(c);
      case UNIT -> AmountColumnSql.unit(c, amounts);
      case FX_RATE -> AmountColumnSql.fxRate(c);
      case USD -> AmountColumnSql.usd(c);
    };
  }

  /** The rule of an empty value: none for a nullable column. */
  static String ifEmpty(ColumnSpec c) {
    return c.isNullable() ? "NULL" : "'not_null'";
  }

  /** The peer's lineage: rows are numbered in file order, and its run id says it is the peer. */
  private static String lineage(ColumnSpec c, SourceProfile profile) {
    return switch (c.name()) {
      case "source" -> lit(profile.source()) + " AS source";
      case "series" -> lit(profile.seriesName()) + " AS series";
      case Lineage.FILE -> Lineage.FILE;
      case Lineage.SHEET -> "CAST(NULL AS VARCHAR) AS " + Lineage.SHEET;
      case Lineage.LINE -> "_row AS _line";
      case Lineage.RUN_ID -> "'duckdb' AS _run_id";
      case Lineage.INGESTED_AT -> "CAST(current_timestamp AS TIMESTAMP) AS _ingested_at";
      default -> throw new IllegalStateException("unknown lineage column " + c.name());
    };
  }

  private static ColumnSql text(ColumnSpec c) {
    String raw = q(c.source());
    return new ColumnSql(
        raw + " AS " + q(c.name()), "CASE WHEN " + raw + " IS NULL THEN " + ifEmpty(c) + " END");
  }

  /** A whole number within the column's min and max and within INTEGER. */
  private static ColumnSql integer(ColumnSpec c) {
    String raw = q(c.source());
    String v = "int_val(" + raw + ")";
    String value =
        "CASE WHEN "
            + v
            + " = trunc("
            + v
            + ") AND abs("
            + v
            + ") <= 2147483647 THEN CAST("
            + v
            + " AS INTEGER) END AS "
            + q(c.name());
    String rule =
        "CASE WHEN "
            + raw
            + " IS NULL THEN "
            + ifEmpty(c)
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
            + ") > 2147483647 THEN 'range' END";
    return new ColumnSql(value, rule);
  }

  private static ColumnSql month(ColumnSpec c) {
    String v = q(c.name() + "__v");
    return new ColumnSql(
        v + " AS " + q(c.name()),
        "CASE WHEN "
            + q(c.source())
            + " IS NOT NULL AND "
            + v
            + " IS NULL THEN 'invalid_month' END");
  }

  private static ColumnSql bool(ColumnSpec c) {
    String raw = q(c.source());
    return new ColumnSql(
        "bool_val(" + raw + ") AS " + q(c.name()),
        "CASE WHEN "
            + raw
            + " IS NOT NULL AND bool_val("
            + raw
            + ") IS NULL THEN 'invalid_boolean' END");
  }

  private static ColumnSql country(ColumnSpec c) {
    String v = q(c.name() + "__v");
    return new ColumnSql(
        v + " AS " + q(c.name()),
        "CASE WHEN "
            + q(c.source())
            + " IS NULL THEN "
            + ifEmpty(c)
            + " WHEN "
            + v
            + " IS NULL THEN 'unknown_country' END");
  }

  /** The sector decides, unless the delivered is_tech says otherwise; a bad is_tech is invalid. */
  private static ColumnSql isTech(ColumnSpec c) {
    return new ColumnSql(
        q(c.name() + "__v") + " AS " + q(c.name()),
        "CASE WHEN is_tech IS NOT NULL AND bool_val(is_tech) IS NULL THEN 'invalid_boolean' END");
  }
}
