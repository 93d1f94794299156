package coopstats.cli;

/** JUnit tags that sort the tests by what they cost. */
final class Tags {
  /**
   * Tests that run the pipeline on warehouses of their own, several times each: the bulk of the
   * suite's time. {@code mvn test -Pquick} leaves them out.
   */
  static final String OWN_RUNS = "own-runs";

  private Tags() {}
}
