package coopstats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Where the tests find the project's schemas, sample and the shared real data. */
public final class TestPaths {
  private TestPaths() {}

  public static Path home() {
    return Path.of(System.getProperty("coopstats.home", "..")).toAbsolutePath().normalize();
  }

  public static Path schemas() {
    return home().resolve("schemas");
  }

  public static Path sample() {
    return home().resolve("sample").resolve("landing");
  }

  /** The real public exports, beside the project (never copied into it). */
  public static Path sharedData() {
    return home().resolve("..").resolve("shared").resolve("data").normalize();
  }

  /**
   * A copy of schemas/ in {@code dir}/schemas with {@code text} appended to one of its files (a
   * path relative to schemas/), for a test that needs one setting or rule changed.
   */
  public static Path schemasWith(Path dir, String file, String text) throws IOException {
    Path copy = dir.resolve("schemas");
    Path from = schemas();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = copy.resolve(from.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(copy.resolve(file), Files.readString(copy.resolve(file)) + text);
    return copy;
  }

  /**
   * A copy of schemas/ in {@code dir} with {@code from}, which must be there, replaced by {@code
   * to} in one file.
   */
  public static Path schemasReplacing(Path dir, String file, String from, String to)
      throws IOException {
    Path schemas = schemasWith(dir, file, "");
    Path path = schemas.resolve(file);
    String text = Files.readString(path);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(file + " does not contain " + from);
    }
    Files.writeString(path, text.replace(from, to));
    return schemas;
  }
}
