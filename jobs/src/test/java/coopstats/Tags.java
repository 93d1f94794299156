package coopstats;

/** JUnit tags that sort the tests by what they cost. */
public final class Tags {
  /**
   * Tests that run the pipeline on warehouses of their own, several times each: the bulk of the
   * suite's time. {@code mvn test -Pquick} leaves them out.
   */
  public static final String OWN_RUNS = "own-runs";

  private Tags() {}
}
