package coopstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Headless Chromium (Debian's chromium package; the build installs it) for the report's tests. */
final class Chromium {
  private Chromium() {}

  /**
   * Loads {@code page} in a window {@code width} wide and {@code height} high, writes a screenshot
   * to {@code dir/name.png} and, when {@code dom} is given, the parsed DOM there; returns what it
   * logged, having checked that it exited 0.
   */
  static String shoot(Path dir, String name, Path page, int width, int height, Path dom)
      throws Exception {
    Path log = dir.resolve(name + ".log");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                onPath("chromium"),
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--user-data-dir=" + dir.resolve(name + "-profile"),
                "--enable-logging=stderr",
                "--v=0",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--screenshot=" + dir.resolve(name + ".png")));
    if (dom != null) {
      command.add("--dump-dom");
    }
    command.add(page.toUri().toString());
    ProcessBuilder b = new ProcessBuilder(command).redirectError(log.toFile());
    if (dom != null) {
      b.redirectOutput(dom.toFile());
    } else {
      b.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = b.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    String stderr = Files.readString(log);
    assertThat(p.exitValue()).as(stderr).isZero();
    return stderr;
  }

  /** How many pixels of the screenshot have each colour (RGB, no alpha). */
  static Map<Integer, Integer> colours(Path png) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as(png + " is a PNG").isNotNull();
    Map<Integer, Integer> colours = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    return colours;
  }

  private static String onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return Path.of(d, program).toString();
      }
    }
    throw new AssertionError(
        program
            + " is not on the PATH: this test renders the report in headless Chromium. Install"
            + " Debian's chromium package (apt-get install -y chromium; the build does this as"
            + " root or with password-less sudo, see .ci/ensure-test-tools).");
  }
}
