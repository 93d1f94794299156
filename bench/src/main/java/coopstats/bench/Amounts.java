package coopstats.bench;

import static coopstats.bench.Sql.q;

import coopstats.contract.ColumnSpec;
import coopstats.contract.ParseKind;
import coopstats.contract.TableSchema;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The stages of typed_kind's query that turn a silver table's amounts into USD: each amount cleaned
 * and split into number and unit once, the currency and year looked up once, the year's FX rate
 * joined once, then each USD column in cents. The landing columns {@code currency}, {@code unit}
 * and {@code year} are the ones the pipeline's RowParser reads for every amount.
 */
final class Amounts {
  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

  /** The columns converted to USD; a table without them has no money. */
  final List<ColumnSpec> usd;

  /** The landing columns the amounts are read from, each once. */
  final List<String> sources;

  Amounts(TableSchema silver) {
    this.usd = silver.columns().stream().filter(c -> c.parseKind() == ParseKind.USD).toList();
    this.sources =
        silver.columns().stream()
            .filter(c -> c.parseKind() == ParseKind.DECIMAL || c.parseKind() == ParseKind.USD)
            .map(ColumnSpec::source)
            .distinct()
            .toList();
  }

  boolean any() {
    return !usd.isEmpty();
  }

  /** Stage a: the cleaned amounts, and whether the row has any amount at all. */
  void clean(Stages s) {
    for (String source : sources) {
      s.keys.add("amt_clean(" + q(source) + ") AS " + q(source + "__c"));
    }
    s.keys.add(
        (any()
                ? usd.stream()
                    .map(c -> q(c.source()) + " IS NOT NULL")
                    .collect(Collectors.joining(" OR ", "(", ")"))
                : "false")
            + " AS has_amount");
  }

  /** Stages a and b: the currency by code or name, and the year an FX rate is taken for. */
  void currencyAndYear(Stages s) {
    if (!any()) {
      return;
    }
    s.keys.add("CASE WHEN length(currency) = 3 THEN upper(currency) END AS cur__upper");
    s.keys.add("lower(currency) AS cur__lower");
    s.keys.add("int_val(\"year\") AS year__v");
    s.joins.add("LEFT JOIN ref.currency_code cur__j1 ON cur__j1.code = a.cur__upper");
    s.joins.add("LEFT JOIN ref.currency_name cur__j2 ON cur__j2.name = a.cur__lower");
    s.lookups.add("coalesce(cur__j1.code, cur__j2.code) AS cur__code");
    s.lookups.add(
        "CASE WHEN year__v = trunc(year__v) AND abs(year__v) <= 2147483647 THEN CAST(year__v AS"
            + " INTEGER) END AS year__int");
  }

  /**
   * Stages m and b: each amount split once into its number and the unit word written beside it,
   * then its error (null when it is a valid amount), number and unit word.
   */
  void split(Stages s) {
    for (String source : sources) {
      s.splits.add("amt_split(" + q(source + "__c") + ") AS " + q(source + "__m"));
      String parts = "a." + q(source + "__m");
      String unit = "lower(strip_ws(" + parts + ".unit))";
      s.lookups.add(
          "CASE WHEN a."
              + q(source + "__c")
              + " IS NULL THEN NULL WHEN "
              + parts
              + ".num = '' THEN 'invalid_number' WHEN "
              + unit
              + " <> '' AND unit_mult("
              + unit
              + ") IS NULL THEN 'unknown_unit' WHEN num_norm("
              + parts
              + ".num) IS NULL THEN 'invalid_number' END AS "
              + q(source + "__err"));
      s.lookups.add("num_norm(" + parts + ".num) AS " + q(source + "__num"));
      s.lookups.add("nullif(" + unit + ", '') AS " + q(source + "__eu"));
    }
  }

  /** Stage f: the year's rate (USD is 1), joined once the currency and year are known. */
  String fx() {
    return any()
        ? "SELECT b.*, CASE WHEN cur__code = 'USD' THEN CAST(1 AS DECIMAL(18, 6)) ELSE"
            + " fx__j.units_per_usd END AS fx__v FROM b LEFT JOIN ref.fx_rate fx__j ON"
            + " fx__j.currency = b.cur__code AND fx__j.year = b.year__int"
        : "SELECT b.* FROM b";
  }

  /** Stage d: each USD column once, amount × unit ÷ rate, in cents. */
  void cents(Stages s) {
    for (ColumnSpec c : usd) {
      String source = c.source();
      s.cents.add(
          "CASE WHEN "
              + q(source + "__err")
              + " IS NULL AND "
              + q(source + "__num")
              + " IS NOT NULL AND fx__v IS NOT NULL THEN usd_cents("
              + q(source + "__num")
              + ", coalesce(unit_mult("
              + q(source + "__eu")
              + "), unit_mult(coalesce(unit, ''))), fx__v) END AS "
              + q(c.name() + "__cents"));
    }
  }

  /** A decimal column's precision and scale, from its schema type. */
  static int[] decimal(ColumnSpec c) {
    Matcher m = DECIMAL.matcher(c.type().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalStateException(c.name() + " is not a decimal column: " + c.type());
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
