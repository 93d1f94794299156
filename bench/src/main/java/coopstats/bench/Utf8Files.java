package coopstats.bench;

import coopstats.bronze.Decoding;
import coopstats.contract.SourceProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Landing files as DuckDB reads them: UTF-8 without a byte-order mark. */
final class Utf8Files {
  private Utf8Files() {}

  /**
   * The file itself when it is UTF-8 without a byte-order mark, else decoded as the pipeline
   * decodes it (BOM, strict UTF-8, then the profile's fallback such as GB18030) and written out
   * again as UTF-8 under {@code copies}, at its path relative to the landing folder.
   */
  static Path readable(Path file, String rel, SourceProfile profile, Path copies)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = decode(bytes, profile);
    if (text == null) {
      return file;
    }
    Path copy = copies.resolve(rel);
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, text, StandardCharsets.UTF_8);
    return copy;
  }

  /** The text, or null when the bytes are already plain UTF-8. */
  private static String decode(byte[] bytes, SourceProfile profile) {
    String text = Decoding.decode(bytes, profile.encoding(), profile.fallbackEncoding()).text();
    return Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8)) ? null : text;
  }
}
