package coopstats;

/** The exit codes of {@code sysexits.h} that coopstats uses. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int USAGE = 64;
  public static final int DATA_ERROR = 65;
  public static final int NO_INPUT = 66;
  public static final int SOFTWARE = 70;
  public static final int TEMP_FAIL = 75;
  public static final int CONFIG = 78;

  private ExitCodes() {}

  /** The exit code for an error: its own for a {@link CoopstatsException}, else 70. */
  public static int of(Throwable e) {
    return e instanceof CoopstatsException c ? c.exitCode() : SOFTWARE;
  }
}
