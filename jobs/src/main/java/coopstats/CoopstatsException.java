package coopstats;

/**
 * An error a user can act on: its message says what is wrong and what to do; it carries the exit
 * code.
 */
public final class CoopstatsException extends RuntimeException {
  private final int exitCode;

  public CoopstatsException(int exitCode, String message) {
    super(Redact.userInfo(message));
    this.exitCode = exitCode;
  }

  public CoopstatsException(int exitCode, String message, Throwable cause) {
    super(Redact.userInfo(message), cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
