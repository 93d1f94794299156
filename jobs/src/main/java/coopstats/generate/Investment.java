package coopstats.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Outbound investment deals: the kind the row count is given for. */
final class Investment extends Kind {
  private static final List<String> MONTHS =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");

  Investment(long seed, RefPools pools) {
    super(seed, pools);
  }

  @Override
  String name() {
    return "investment";
  }

  @Override
  String prefix() {
    return "INV";
  }

  @Override
  long rows(long n) {
    return n;
  }

  @Override
  List<String> header() {
    return List.of(
        "record_id",
        "year",
        "month",
        "investor",
        "country",
        "sector",
        "amount",
        "currency",
        "unit",
        "is_tech");
  }

  @Override
  String[] row(String space, long index) {
    SplittableRandom r = random(space, index);
    Money m = Money.of(r, Money.usd(r, 40e6));
    int month = r.nextInt(13);
    String monthText =
        month == 0 ? "" : r.nextBoolean() ? Integer.toString(month) : MONTHS.get(month - 1);
    return new String[] {
      id(space, index, "%09d"),
      Integer.toString(year(r)),
      monthText,
      Seeds.oneOf(r, INVESTORS),
      pools.country(r),
      pools.sector(r),
      m.amount(),
      m.currency(),
      m.unit(),
      bool(r)
    };
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
    return 1;
  }
}
