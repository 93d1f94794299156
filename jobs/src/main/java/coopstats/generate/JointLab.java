package coopstats.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Joint laboratories: one row per lab and year, six years per lab. */
final class JointLab extends Kind {
  private static final int YEARS = 6;
  private static final List<String> FIELDS =
      List.of(
          "health",
          "agriculture",
          "environment",
          "energy",
          "biotechnology",
          "artificial intelligence",
          "transport",
          "semiconductors");

  JointLab(long seed, RefPools pools) {
    super(seed, pools);
  }

  @Override
  String name() {
    return "joint_lab";
  }

  @Override
  String prefix() {
    return "JL";
  }

  @Override
  long rows(long n) {
    return n / 20;
  }

  @Override
  List<String> header() {
    return List.of(
        "lab_id",
        "lab_name",
        "country",
        "field",
        "established_year",
        "year",
        "program",
        "funding_amount",
        "currency",
        "unit",
        "papers",
        "patents",
        "trainees");
  }

  @Override
  String[] row(String space, long index) {
    long lab = index / YEARS;
    SplittableRandom l = random(space + "/lab", lab);
    int established = 2013 + l.nextInt(8);
    String field = Seeds.oneOf(l, FIELDS);
    String country = pools.country(l);
    SplittableRandom r = random(space, index);
    Money m = Money.of(r, Money.usd(r, 600e3));
    List<String[]> programs = pools.programs("joint_lab");
    return new String[] {
      id(space, lab, "%07d"),
      "Joint Laboratory on " + field + " no. " + lab,
      country,
      field,
      Integer.toString(established),
      Integer.toString(established + (int) (index % YEARS)),
      programs.isEmpty() ? "" : Seeds.oneOf(r, programs)[0],
      m.amount(),
      m.currency(),
      m.unit(),
      count(r, 12),
      count(r, 3),
      count(r, 40)
    };
  }

  @Override
  int amountColumn() {
    return 7;
  }

  @Override
  int countryColumn() {
    return 2;
  }

  @Override
  int yearColumn() {
    return 5;
  }
}
