package coopstats.bronze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The content fingerprint (SHA-256) of each file a source's bronze checkpoint holds as ingested,
 * kept beside the checkpoint ({@code <checkpoint>.fingerprints}, one JSON object) by the file's
 * path relative to the landing folder, so that it survives a move of either folder. With it, a file
 * whose modification time changed is told apart from one whose content did. {@code modified} is the
 * modification time the content was last seen with: the one it was ingested with, or a later one at
 * which the same content was found, so that a touched file is read for its fingerprint once.
 */
final class Fingerprints {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One file's fingerprint and the modification time it was taken at. */
  record Print(String sha256, long modified) {}

  private final FileSystem fs;
  private final Path file;

  private Fingerprints(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** The fingerprints beside the checkpoint {@code checkpoint}, on its file system. */
  static Fingerprints of(FileSystem fs, Path checkpoint) {
    return new Fingerprints(
        fs, new Path(checkpoint.getParent(), checkpoint.getName() + ".fingerprints"));
  }

  /** Every recorded fingerprint, by path relative to the landing folder. */
  Map<String, Print> read() {
    Map<String, Print> prints = new TreeMap<>();
    try {
      // A run that died between removing the record and renaming its next version over it left
      // only the next version.
      Path from = fs.exists(file) ? file : next();
      if (!fs.exists(from)) {
        return prints;
      }
      JsonNode all;
      try (InputStream in = fs.open(from)) {
        all = JSON.readTree(in);
      }
      all.fields()
          .forEachRemaining(
              e ->
                  prints.put(
                      e.getKey(),
                      new Print(
                          e.getValue().get("sha256").asText(),
                          e.getValue().get("modified").asLong())));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return prints;
  }

  /**
   * Records {@code prints} over the ones recorded. The file is written beside the record and then
   * renamed over it, so a run that dies meanwhile leaves the record as it was.
   */
  void record(Map<String, Print> prints) {
    if (prints.isEmpty()) {
      return;
    }
    Map<String, Print> all = read();
    all.putAll(prints);
    ObjectNode out = JSON.createObjectNode();
    all.forEach(
        (name, p) -> out.putObject(name).put("sha256", p.sha256()).put("modified", p.modified()));
    Path next = next();
    try {
      try (FSDataOutputStream o = fs.create(next, true)) {
        o.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
      }
      fs.delete(file, false);
      if (!fs.rename(next, file)) {
        throw new IOException("could not rename " + next + " to " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private Path next() {
    return new Path(file.getParent(), "." + file.getName() + ".next");
  }

  /** The SHA-256 of {@code path}'s bytes, in hex, read through its file system. */
  static String sha256(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
