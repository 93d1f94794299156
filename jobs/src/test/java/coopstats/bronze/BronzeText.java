package coopstats.bronze;

import coopstats.contract.SourceProfile;

/** For tests outside this package: a delivered file's text, decoded as bronze decodes it. */
public final class BronzeText {
  private BronzeText() {}

  /** The lines of {@code bytes} that hold data: non-blank, after the header for a CSV file. */
  public static long dataLines(byte[] bytes, SourceProfile profile, String file) {
    String text = Decoding.decode(bytes, profile.encoding(), profile.fallbackEncoding()).text();
    long nonBlank = text.lines().filter(l -> !l.isBlank()).count();
    return profile.isJsonLines(file) ? nonBlank : Math.max(0, nonBlank - 1);
  }
}
