package coopstats.generate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Cooperation fund disbursements, delivered as JSON Lines. */
final class Fund extends Kind {
  Fund(long seed, RefPools pools) {
    super(seed, pools);
  }

  @Override
  String name() {
    return "fund";
  }

  @Override
  String prefix() {
    return "FND";
  }

  @Override
  long rows(long n) {
    return n / 10;
  }

  @Override
  List<String> header() {
    return List.of(
        "record_id",
        "fund_id",
        "fund_name",
        "year",
        "country",
        "sector",
        "disbursed_amount",
        "committed_amount",
        "currency",
        "unit",
        "return_amount",
        "jobs",
        "is_tech");
  }

  @Override
  boolean jsonLines() {
    return true;
  }

  @Override
  List<String> numericColumns() {
    return List.of("year", "jobs", "disbursed_amount");
  }

  @Override
  String[] row(String space, long index) {
    SplittableRandom r = random(space, index);
    String[] fund = Seeds.oneOf(r, pools.programs("fund"));
    Money m = Money.of(r, Money.usd(r, 5e6));
    return new String[] {
      id(space, index, "%08d"),
      fund[0],
      fund[1],
      Integer.toString(year(r)),
      pools.country(r),
      pools.sector(r),
      m.amount(),
      scaled(m, 1 + r.nextDouble()),
      m.currency(),
      m.unit(),
      r.nextInt(3) == 0 ? scaled(m, r.nextDouble() * 0.3) : "",
      r.nextBoolean() ? count(r, 5000) : "",
      bool(r)
    };
  }

  /** The amount times {@code f}, written plainly, or empty when the amount is not plain. */
  static String scaled(Money m, double f) {
    String plain = m.amount().replace(",", "").replace("$", "");
    if (!plain.matches("[0-9]+(\\.[0-9]+)?")) {
      return "";
    }
    return String.format(Locale.ROOT, "%.2f", Double.parseDouble(plain) * f);
  }

  @Override
  int amountColumn() {
    return 6;
  }

  @Override
  int countryColumn() {
    return 4;
  }

  @Override
  int yearColumn() {
    return 3;
  }
}
