package coopstats.bench;

import static coopstats.bench.Sql.q;

import coopstats.contract.ColumnSpec;
import java.util.stream.Collectors;

/**
 * The value and rule of the money columns (amount, currency, unit, FX rate, USD), read from the
 * stages {@link Amounts} adds. Currency, unit and rate are set only on a row with an amount.
 */
final class AmountColumnSql {
  private AmountColumnSql() {}

  /** The amount as delivered, at the column's scale; too many whole digits is range. */
  static ColumnSql decimal(ColumnSpec c) {
    int[] ps = Amounts.decimal(c);
    String num = q(c.source() + "__num");
    String err = q(c.source() + "__err");
    return new ColumnSql(
        "CASE WHEN "
            + err
            + " IS NULL THEN TRY_CAST("
            + num
            + " AS DECIMAL("
            + ps[0]
            + ","
            + ps[1]
            + ")) END AS "
            + q(c.name()),
        emptyOrFailed(c, err)
            + " WHEN int_digits("
            + num
            + ") > "
            + (ps[0] - ps[1])
            + " THEN 'range' END");
  }

  static ColumnSql currency(ColumnSpec c) {
    return new ColumnSql(
        "CASE WHEN has_amount THEN cur__code END AS " + q(c.name()),
        "CASE WHEN has_amount AND currency IS NULL THEN 'not_null' WHEN has_amount AND cur__code"
            + " IS NULL THEN 'unknown_currency' WHEN NOT has_amount THEN "
            + ColumnSql.ifEmpty(c)
            + " END");
  }

  /** The unit column, else the first unit word written beside an amount. */
  static ColumnSql unit(ColumnSpec c, Amounts amounts) {
    String embedded =
        amounts.usd.stream().map(u -> q(u.source() + "__eu")).collect(Collectors.joining(", "));
    return new ColumnSql(
        "CASE WHEN has_amount THEN coalesce(unit, " + embedded + ") END AS " + q(c.name()),
        "CASE WHEN has_amount AND unit IS NOT NULL AND unit_mult(unit) IS NULL THEN"
            + " 'unknown_unit' WHEN NOT has_amount THEN "
            + ColumnSql.ifEmpty(c)
            + " END");
  }

  static ColumnSql fxRate(ColumnSpec c) {
    return new ColumnSql(
        "CASE WHEN has_amount THEN fx__v END AS " + q(c.name()),
        "CASE WHEN has_amount AND \"year\" IS NULL THEN 'not_null' WHEN has_amount AND"
            + " cur__code IS NOT NULL AND fx__v IS NULL THEN 'missing_fx_rate' WHEN NOT"
            + " has_amount THEN "
            + ColumnSql.ifEmpty(c)
            + " END");
  }

  /** The amount in USD from its cents; more whole digits than the column holds is range. */
  static ColumnSql usd(ColumnSpec c) {
    int[] ps = Amounts.decimal(c);
    if (ps[1] != 2) {
      throw new IllegalStateException(
          c.name() + ": the peer converts to USD at scale 2 (cents), not " + c.type());
    }
    String cents = q(c.name() + "__cents");
    String err = q(c.source() + "__err");
    return new ColumnSql(
        "CASE WHEN "
            + err
            + " IS NULL AND abs("
            + cents
            + ") < 1e"
            + ps[0]
            + " THEN cents_to_decimal("
            + cents
            + ") END AS "
            + q(c.name()),
        emptyOrFailed(c, err)
            + " WHEN "
            + q(c.source() + "__eu")
            + " IS NULL AND unit_mult(coalesce(unit, '')) IS NULL THEN 'unknown_unit'"
            + " WHEN abs("
            + cents
            + ") >= 1e"
            + ps[0]
            + " THEN 'range' END");
  }

  /** The start of an amount's error: empty (when required), else its parse error. */
  private static String emptyOrFailed(ColumnSpec c, String err) {
    return "CASE WHEN "
        + q(c.source())
        + " IS NULL THEN "
        + ColumnSql.ifEmpty(c)
        + " WHEN "
        + err
        + " IS NOT NULL THEN "
        + err;
  }
}
