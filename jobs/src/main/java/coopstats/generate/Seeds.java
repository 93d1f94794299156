package coopstats.generate;

import java.util.SplittableRandom;

/** Deterministic random streams: one per (seed, kind, index), independent of file layout. */
final class Seeds {
  private Seeds() {}

  static SplittableRandom of(long seed, String kind, long index) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + kind.hashCode()) ^ mix(index));
  }

  /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A value drawn with the given cumulative weights (ascending, last = total). */
  static int pick(SplittableRandom r, double[] cumulative) {
    double u = r.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static double[] cumulative(double... weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }

  static <T> T oneOf(SplittableRandom r, java.util.List<T> values) {
    return values.get(r.nextInt(values.size()));
  }
}
