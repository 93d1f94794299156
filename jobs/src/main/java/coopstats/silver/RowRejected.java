package coopstats.silver;

import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;

/**
 * A row that cannot be made valid: the rule it broke and a reason a person can act on. Every rule
 * that silver's code applies to a row, and every reason it gives, is written here, as {@link
 * coopstats.Errors} holds the errors that stop a command; the rules a schema file declares carry
 * their reasons in that file, and bronze's rules and reasons are its {@code BronzeRule} and {@code
 * Broken}.
 */
final class RowRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How a rejected row is told to come back once the reference data knows its value. */
  private static final String RERUN = " and rerun with --full-refresh";

  /** The rule of a row whose key a later line of the same delivery delivers again. */
  static final String DUPLICATE_KEY = "duplicate_key";

  /** The rule of a row whose key a later delivery delivers again. */
  static final String SUPERSEDED = "superseded";

  private final String rule;

  private RowRejected(String rule, String reason) {
    super(reason, null, false, false);
    this.rule = rule;
  }

  String rule() {
    return rule;
  }

  String reason() {
    return getMessage();
  }

  /** A row the parser failed on in a way it does not foresee; the reason carries the failure. */
  static RowRejected unparsable(RuntimeException e) {
    return new RowRejected("parse_error", "the row could not be parsed: " + e);
  }

  static RowRejected required(String column) {
    return new RowRejected("not_null", column + " is empty; it is required");
  }

  static RowRejected yearRequired() {
    return new RowRejected("not_null", "year is empty; it is required to convert amounts");
  }

  static RowRejected currencyRequired() {
    return new RowRejected("not_null", "currency is empty but an amount is given");
  }

  static RowRejected notANumber(String column, String raw) {
    return new RowRejected("invalid_number", column + " '" + raw + "' is not a number");
  }

  static RowRejected notAWholeNumber(String column, String raw) {
    return new RowRejected("invalid_number", column + " '" + raw + "' is not a whole number");
  }

  static RowRejected unknownUnit(String column, String raw, String unit) {
    return new RowRejected(
        "unknown_unit", column + " '" + raw + "' has an unknown unit '" + unit + "'");
  }

  static RowRejected notAUnit(String column, String unit) {
    return new RowRejected(
        "unknown_unit",
        column + " '" + unit + "' is not a unit; use empty, 万, 亿, thousand, million or billion");
  }

  static RowRejected notABoolean(String column, String raw) {
    return new RowRejected(
        "invalid_boolean", column + " '" + raw + "' is not a boolean; use true or false");
  }

  static RowRejected notAMonth(String column, String raw) {
    return new RowRejected("invalid_month", column + " '" + raw + "' is not a month");
  }

  static RowRejected outside(String column, String value, BigDecimal min, BigDecimal max) {
    return new RowRejected(
        "range",
        column
            + " "
            + value
            + " is outside "
            + (min == null ? "" : min.toPlainString())
            + ".."
            + (max == null ? "" : max.toPlainString()));
  }

  static RowRejected tooLarge(String column, String value) {
    return new RowRejected("range", column + " " + value + " is too large");
  }

  static RowRejected unknownCountry(String column, String raw) {
    return new RowRejected(
        "unknown_country",
        column
            + " '"
            + raw
            + "' is not a known country code, name or alias; add it to"
            + " schemas/ref/country_aliases.csv"
            + RERUN);
  }

  static RowRejected unknownCurrency(String raw) {
    return new RowRejected(
        "unknown_currency",
        "currency '" + raw + "' is not an ISO 4217 code or a known currency name");
  }

  static RowRejected missingFxRate(String currency, int year) {
    return new RowRejected(
        "missing_fx_rate",
        "no "
            + currency
            + " to USD rate for "
            + year
            + " in ref.fx_rate; add it to schemas/ref/fx_rates.csv"
            + RERUN);
  }

  /** The reason of a {@link #DUPLICATE_KEY} row, the last line of its key being at file, line. */
  static Column deliveredAgain(Column file, Column line) {
    return format_string(
        "the record key is delivered again in %s line %d; the last line wins", file, line);
  }

  /** The reason of a {@link #SUPERSEDED} row, replaced by the row at file, line; null if none. */
  static Column replacedBy(Column file, Column line) {
    return when(
        file.isNotNull(),
        format_string(
            "a later delivery of the same record key replaced this row: %s line %d", file, line));
  }
}
