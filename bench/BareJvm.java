/**
 * The floor the read-only commands are measured against: a JVM launched like bin/coopstats, with
 * the application's classpath, that does nothing.
 */
public final class BareJvm {
  private BareJvm() {}

  public static void main(String[] args) {}
}
