package coopstats.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Training programmes: participants, cost and, for start-up bootcamps, outcomes. */
final class Training extends Kind {
  Training(long seed, RefPools pools) {
    super(seed, pools);
  }

  @Override
  String name() {
    return "training";
  }

  @Override
  String prefix() {
    return "TRN";
  }

  @Override
  long rows(long n) {
    return n / 50;
  }

  @Override
  List<String> header() {
    return List.of(
        "record_id",
        "program",
        "year",
        "country",
        "participants",
        "cost_amount",
        "currency",
        "unit",
        "startups",
        "jobs",
        "revenue_amount");
  }

  @Override
  String[] row(String space, long index) {
    SplittableRandom r = random(space, index);
    String program = Seeds.oneOf(r, pools.programs("training"))[0];
    Money m = Money.of(r, Money.usd(r, 300e3));
    boolean outcomes = program.startsWith("gist");
    return new String[] {
      id(space, index, "%08d"),
      program,
      Integer.toString(year(r)),
      pools.country(r),
      Integer.toString(10 + r.nextInt(300)),
      m.amount(),
      m.currency(),
      m.unit(),
      outcomes ? count(r, 30) : "",
      outcomes ? count(r, 300) : "",
      outcomes ? Fund.scaled(m, r.nextDouble() * 30) : ""
    };
  }

  @Override
  int amountColumn() {
    return 5;
  }

  @Override
  int countryColumn() {
    return 3;
  }

  @Override
  int yearColumn() {
    return 2;
  }
}
