package coopstats;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One warehouse built from the bundled sample through the real command line, once per test JVM, for
 * the tests that only read it (comments, readers, SQL, notebooks). A test that changes a warehouse
 * works on a {@link #copy}.
 */
public final class SampleWarehouse {
  private static Path root;
  private static String out;
  private static String err;

  private SampleWarehouse() {}

  public static synchronized Path get() {
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("coopstats-sample");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        root = dir.resolve("warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TestSpark.session();
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      int code =
          Main.execute(
              new String[] {
                "run",
                "--landing",
                TestPaths.sample().toString(),
                "--warehouse",
                root.toString(),
                "--schemas",
                TestPaths.schemas().toString()
              },
              new PrintWriter(stdout),
              new PrintWriter(stderr));
      assertThat(code).as(stderr.toString()).isZero();
      out = stdout.toString();
      err = stderr.toString();
    }
    return root;
  }

  /** What the run that built the warehouse printed on stdout. */
  public static String out() {
    get();
    return out;
  }

  /** What the run that built the warehouse printed on stderr. */
  public static String err() {
    get();
    return err;
  }

  /** A copy of the sample warehouse in {@code dir}, for a test that changes it. */
  public static Path copy(Path dir) {
    Path from = get();
    Path to = dir.resolve("warehouse");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(from.relativize(f).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
