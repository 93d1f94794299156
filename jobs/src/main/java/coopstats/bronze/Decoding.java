package coopstats.bronze;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a delivered file's bytes into text. {@code auto} honours a byte-order mark, then tries
 * strict UTF-8, then falls back to the profile's declared legacy encoding (CGIT ships
 * Windows-1252).
 */
public final class Decoding {
  private Decoding() {}

  /** The text, and the name of the charset it was decoded from. */
  public record Decoded(String text, String charset) {}

  /** Decodes {@code bytes} by a profile's {@code encoding} and {@code fallback_encoding}. */
  public static Decoded decode(byte[] bytes, String encoding, String fallback) {
    if (hasPrefix(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
    }
    if (hasPrefix(bytes, 0xFF, 0xFE) || hasPrefix(bytes, 0xFE, 0xFF)) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_16), "UTF-16");
    }
    if (encoding != null && !"auto".equalsIgnoreCase(encoding)) {
      Charset cs = Charset.forName(encoding);
      return new Decoded(new String(bytes, cs), cs.name());
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Decoded(text, "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      Charset cs = Charset.forName(fallback == null ? "windows-1252" : fallback);
      return new Decoded(new String(bytes, cs), cs.name());
    }
  }

  private static boolean hasPrefix(byte[] bytes, int... prefix) {
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
