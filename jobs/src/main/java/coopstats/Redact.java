package coopstats;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of what coopstats prints and logs. Hadoop accepts a user and password in a
 * URI ({@code ftp://user:secret@host/landing}); every message a user sees, and every log line that
 * names a path, shows such a URI as {@code ftp://***@host/landing}. Keys passed as Spark or Hadoop
 * configuration are never printed at all.
 */
public final class Redact {
  private static final Pattern USER_INFO =
      Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

  private Redact() {}

  /** {@code text} with the user part of every URI in it replaced by {@code ***}. */
  public static String userInfo(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
  }
}
