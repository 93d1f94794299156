import coopstats.spark.Sessions;

/**
 * The floor a cold run is measured against: start the application's own local Spark session (the
 * same settings, Delta extension included) and stop it, in a JVM launched like bin/coopstats.
 */
public final class BareSession {
  private BareSession() {}

  public static void main(String[] args) {
    Sessions.getOrCreate(null, args[0]).stop();
  }
}
