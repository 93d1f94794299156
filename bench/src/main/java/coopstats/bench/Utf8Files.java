package coopstats.bench;

import coopstats.contract.SourceProfile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      return new String(bytes, StandardCharsets.UTF_16);
    }
    if (profile.encoding() != null && !"auto".equalsIgnoreCase(profile.encoding())) {
      return new String(bytes, Charset.forName(profile.encoding()));
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return null;
    } catch (CharacterCodingException notUtf8) {
      String fallback = profile.fallbackEncoding();
      return new String(bytes, Charset.forName(fallback == null ? "windows-1252" : fallback));
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
