package coopstats;

import java.nio.file.Path;

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
}
