package coopstats.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One record kind of the landing contract, as the generator writes it: its header and its rows,
 * each a function of (seed, key space, index) only, so that a file's bytes do not depend on how the
 * rows are split into files.
 */
abstract class Kind {
  static final List<String> INVESTORS =
      List.of(
          "Sinopec",
          "China Communications Construction Co., Ltd.",
          "PowerChina",
          "Huawei",
          "State Grid",
          "China Railway Construction",
          "Zijin Mining",
          "ZTE",
          "Tencent",
          "CITIC",
          "COSCO Shipping",
          "China Three Gorges",
          "BYD",
          "CATL",
          "Alibaba",
          "China Mobile",
          "中国铁建",
          "中国交建",
          "华为技术有限公司",
          "国家电网",
          "紫金矿业",
          "比亚迪");

  final long seed;
  final RefPools pools;

  Kind(long seed, RefPools pools) {
    this.seed = seed;
    this.pools = pools;
  }

  /** The source folder and profile name. */
  abstract String name();

  /** The prefix of record ids. */
  abstract String prefix();

  /** How many rows this kind gets for {@code n} investment rows. */
  abstract long rows(long n);

  abstract List<String> header();

  /** Row {@code index} of a key space ("" for history, the night's date for a delta). */
  abstract String[] row(String space, long index);

  abstract int amountColumn();

  abstract int countryColumn();

  abstract int yearColumn();

  boolean jsonLines() {
    return false;
  }

  /** Columns written as JSON numbers when they hold a plain number. */
  List<String> numericColumns() {
    return List.of();
  }

  SplittableRandom random(String space, long index) {
    return Seeds.of(seed, name() + space, index);
  }

  String id(String space, long index, String format) {
    return prefix() + "-" + (space.isEmpty() ? "" : space + "-") + String.format(format, index);
  }

  /** Years 2005 to 2024, more of them recent, as outbound investment grew. */
  static int year(SplittableRandom r) {
    return 2024 - (int) Math.floor(20 * Math.pow(r.nextDouble(), 1.8));
  }

  static String bool(SplittableRandom r) {
    return Seeds.oneOf(
        r, List.of("", "", "", "", "yes", "no", "true", "false", "1", "0", "是", "否"));
  }

  static String count(SplittableRandom r, int max) {
    return Integer.toString(r.nextInt(max + 1));
  }
}
