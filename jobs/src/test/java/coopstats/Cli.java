package coopstats;

import coopstats.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in this JVM, on the shared test session, capturing its output. */
public record Cli(int exitCode, String out, String err) {
  public static Cli run(String... args) {
    return runWith(TestPaths.schemas(), args);
  }

  /** Runs with another schemas folder, for tests that change the contract. */
  public static Cli runWith(java.nio.file.Path schemas, String... args) {
    TestSpark.session();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--schemas");
    all.add(schemas.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * The arguments of {@code run} from {@code dir/landing} into {@code dir/warehouse}, then more.
   */
  public static String[] runArgs(java.nio.file.Path dir, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--landing",
                dir.resolve("landing").toString(),
                "--warehouse",
                dir.resolve("warehouse").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The lines {@code coopstats sql --format csv} prints for a query, failing on an error. */
  public static List<String> csv(java.nio.file.Path warehouse, String query) {
    Cli q = run("sql", "--warehouse", warehouse.toString(), "--format", "csv", query);
    org.assertj.core.api.Assertions.assertThat(q.exitCode()).as(q.err()).isZero();
    return q.out().lines().toList();
  }
}
