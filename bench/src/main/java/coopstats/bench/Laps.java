package coopstats.bench;

import java.util.Locale;

/** The peer's progress on stderr: each step with the seconds it took. */
final class Laps {
  private long started = System.nanoTime();

  void lap(String what) {
    long now = System.nanoTime();
    System.err.printf(Locale.ROOT, "peer: %-60s %6.1f s%n", what, (now - started) / 1e9);
    started = now;
  }
}
