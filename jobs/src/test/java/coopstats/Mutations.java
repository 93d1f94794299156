package coopstats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded random damage to a delivered file, of the kinds real deliveries suffer: flipped bytes, a
 * truncated end, swapped columns, stray quotes and separators, random Unicode, doubled, dropped and
 * split lines, emptied fields. The same seed gives the same files.
 */
public final class Mutations {
  /** The kinds of damage, each applied at a random place. */
  public enum Kind {
    FLIP_BYTE,
    TRUNCATE,
    SWAP_COLUMNS,
    INJECT_QUOTE,
    INJECT_SEPARATOR,
    INJECT_UNICODE,
    DUPLICATE_LINE,
    DROP_LINE,
    SPLIT_LINE,
    EMPTY_FIELD,
    INJECT_JSON_PUNCTUATION
  }

  private static final String[] SEPARATORS = {",", ";", "\t", "|", ",,"};
  private static final String[] JSON_PUNCTUATION = {"{", "}", "[", "]", ":", "\"", "\\", "null"};
  private static final int[] CODE_POINTS = {
    0x0000, 0x00A0, 0x200B, 0x200F, 0x202E, 0xFEFF, 0xFFFD, 0x00E9, 0x4E2D, 0x6587, 0x1F600,
    0x10FFFF, 0x0301, 0x2028, 0x0085, 0x00AD
  };

  private final Random random;
  private final int[] counts = new int[Kind.values().length];

  public Mutations(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  /** {@code bytes} with {@code n} random mutations applied one after the other. */
  public byte[] apply(byte[] bytes, int n) {
    byte[] out = bytes;
    for (int i = 0; i < n; i++) {
      Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
      if (kind == Kind.TRUNCATE && random.nextInt(4) != 0) {
        kind = Kind.FLIP_BYTE; // a truncation ends the file: keep it rarer than the rest
      }
      out = apply(out, kind);
      counts[kind.ordinal()]++;
    }
    return out;
  }

  /** How many mutations of each kind were applied so far. */
  public int applied(Kind kind) {
    return counts[kind.ordinal()];
  }

  public int applied() {
    return Arrays.stream(counts).sum();
  }

  private byte[] apply(byte[] bytes, Kind kind) {
    if (bytes.length == 0) {
      return insert(bytes, 0, "x".getBytes(StandardCharsets.UTF_8));
    }
    int at = random.nextInt(bytes.length);
    return switch (kind) {
      case FLIP_BYTE -> {
        byte[] b = bytes.clone();
        b[at] = (byte) random.nextInt(256);
        yield b;
      }
      case TRUNCATE -> Arrays.copyOf(bytes, at);
      case INJECT_QUOTE -> insert(bytes, at, new byte[] {'"'});
      case INJECT_SEPARATOR -> insert(bytes, at, utf8(pick(SEPARATORS)));
      case INJECT_JSON_PUNCTUATION -> insert(bytes, at, utf8(pick(JSON_PUNCTUATION)));
      case INJECT_UNICODE ->
          insert(
              bytes, at, utf8(Character.toString(CODE_POINTS[random.nextInt(CODE_POINTS.length)])));
      case SPLIT_LINE -> insert(bytes, at, utf8(random.nextBoolean() ? "\n" : "\r"));
      case SWAP_COLUMNS, DUPLICATE_LINE, DROP_LINE, EMPTY_FIELD -> lines(bytes, kind);
      default -> throw new IllegalStateException(kind.toString());
    };
  }

  /** Line-level damage, on the bytes between newlines (whatever their encoding). */
  private byte[] lines(byte[] bytes, Kind kind) {
    List<byte[]> lines = split(bytes);
    int i = random.nextInt(lines.size());
    switch (kind) {
      case DUPLICATE_LINE -> lines.add(i, lines.get(i));
      case DROP_LINE -> lines.remove(i);
      case SWAP_COLUMNS, EMPTY_FIELD -> {
        String[] fields = new String(lines.get(i), StandardCharsets.ISO_8859_1).split(",", -1);
        int a = random.nextInt(fields.length);
        if (kind == Kind.EMPTY_FIELD) {
          fields[a] = "";
        } else {
          int b = random.nextInt(fields.length);
          String t = fields[a];
          fields[a] = fields[b];
          fields[b] = t;
        }
        lines.set(i, String.join(",", fields).getBytes(StandardCharsets.ISO_8859_1));
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int j = 0; j < lines.size(); j++) {
      out.writeBytes(lines.get(j));
      if (j < lines.size() - 1) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  private static List<byte[]> split(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    return lines;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] insert(byte[] bytes, int at, byte[] what) {
    byte[] out = new byte[bytes.length + what.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
    return out;
  }
}
