package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.SampleWarehouse;
import coopstats.TestSpark;
import coopstats.spark.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL prompt's line editor, typed into through a real JLine terminal 60 columns wide, over the
 * sample warehouse: keys go in as a terminal sends them, the screen comes out.
 */
class TestTerminalPrompt {
  static final int WIDTH = 60;

  @TempDir Path dir;

  @BeforeAll
  static void registerTables() {
    warehouse().registerAll();
  }

  static Warehouse warehouse() {
    SparkSession spark = TestSpark.session();
    return new Warehouse(spark, WarehouseOptions.qualify(SampleWarehouse.get().toString(), spark));
  }

  /** A prompt running on its own thread, on a terminal the test types into and reads. */
  static final class Typed implements AutoCloseable {
    final PipedOutputStream keys = new PipedOutputStream();
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final Terminal terminal;
    final CompletableFuture<Integer> exit;

    Typed(SqlCommand.Format format, Path history) throws IOException {
      terminal =
          TerminalBuilder.builder()
              .system(false)
              .streams(new PipedInputStream(keys, 1 << 16), screen)
              .type("xterm")
              .encoding(StandardCharsets.UTF_8)
              .size(new Size(WIDTH, 24))
              .build();
      SqlCommand command = new SqlCommand();
      command.format = format;
      command.warehouse = warehouse();
      TerminalPrompt prompt = new TerminalPrompt(command, TestSpark.session(), terminal, history);
      exit =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return prompt.run();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }

    void type(String s) throws IOException {
      keys.write(s.getBytes(StandardCharsets.UTF_8));
      keys.flush();
    }

    /** The screen as lines, without escape sequences and carriage returns. */
    List<String> lines() {
      String s;
      synchronized (screen) {
        s = screen.toString(StandardCharsets.UTF_8);
      }
      return s.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[()][A-Z0-9]|\u001B[=>]", "")
          .replace("\r", "")
          .lines()
          .toList();
    }

    void await(BooleanSupplier done) throws InterruptedException {
      Instant end = Instant.now().plus(Duration.ofSeconds(30));
      while (!done.getAsBoolean()) {
        assertThat(Instant.now()).as(String.join("\n", lines())).isBefore(end);
        Thread.sleep(50);
      }
    }

    void awaitLine(String line) throws InterruptedException {
      await(() -> lines().contains(line));
    }

    int quit() throws Exception {
      type("\u0004");
      return exit.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
      terminal.close();
    }
  }

  @Test
  void aStatementOverTwoLinesRunsAndCtrlDQuitsWithExitZero() throws Exception {
    try (Typed t = new Typed(SqlCommand.Format.csv, dir.resolve("history"))) {
      t.type("SELECT count(DISTINCT lab_id) AS labs\r  FROM silver.joint_lab;\r");
      t.awaitLine("53");

      assertThat(t.quit()).isZero();
      List<String> lines = t.lines();
      assertThat(lines.subList(lines.indexOf("labs"), lines.indexOf("53") + 1))
          .containsExactly("labs", "53");
      assertThat(lines).anyMatch(l -> l.startsWith("        ->   FROM silver.joint_lab;"));
    }
  }

  @Test
  void historyIsKeptAcrossSessionsOneEntryPerStatementAndTheUpArrowRecallsIt() throws Exception {
    Path history = dir.resolve("history");
    try (Typed first = new Typed(SqlCommand.Format.csv, history)) {
      first.type("SELECT 'one' AS n;\r");
      first.awaitLine("one");
      first.type("SELECT 'two'\r  AS n;\r");
      first.awaitLine("two");
      assertThat(first.quit()).isZero();
    }
    assertThat(Files.readAllLines(history))
        .containsExactly("SELECT 'one' AS n;", "SELECT 'two'\\n  AS n;");

    try (Typed second = new Typed(SqlCommand.Format.csv, history)) {
      second.type("\u001BOA\r"); // xterm's up arrow
      second.awaitLine("two");
      second.type("SELECT 'three' AS n;\r");
      second.awaitLine("three");
      assertThat(second.quit()).isZero();
    }
    assertThat(Files.readAllLines(history))
        .startsWith("SELECT 'one' AS n;", "SELECT 'two'\\n  AS n;")
        .endsWith("SELECT 'three' AS n;");
  }

  @Test
  void ctrlCWhileTypingDropsTheStatementAndTheNextOneRuns() throws Exception {
    try (Typed t = new Typed(SqlCommand.Format.csv, dir.resolve("history"))) {
      t.type("SELECT 'dropped' AS d\r  , 'x_pending' AS x");
      t.await(() -> String.join("\n", t.lines()).contains("'x_pending' AS x"));
      t.type("\u0003");
      t.type("SELECT 'kept' AS k;\r");
      t.awaitLine("kept");

      assertThat(t.quit()).isZero();
      assertThat(t.lines()).doesNotContain("dropped", "d,x").contains("k", "kept");
    }
  }

  @Test
  void aWideTableIsCutToTheTerminalsWidth() throws Exception {
    try (Typed t = new Typed(SqlCommand.Format.table, dir.resolve("history"))) {
      t.type("SELECT repeat('x', 100) AS wide, 'short' AS s;\r");
      t.awaitLine("(1 row)");

      assertThat(t.quit()).isZero();
      List<String> lines = t.lines();
      int header = lines.indexOf("wide" + " ".repeat(48) + " | s");
      assertThat(header).isNotNegative();
      List<String> table = lines.subList(header, header + 4);
      assertThat(table)
          .containsExactly(
              "wide" + " ".repeat(48) + " | s",
              "-".repeat(52) + "-+-" + "-".repeat(5),
              "x".repeat(51) + "\u2026 | short",
              "(1 row)");
      assertThat(table).allMatch(l -> l.length() <= WIDTH);
    }
  }

  @Test
  void ctrlCWhileAStatementRunsCancelsItAndThePromptGoesOn() throws Exception {
    try (Typed t = new Typed(SqlCommand.Format.csv, dir.resolve("history"))) {
      SparkSession spark = TestSpark.session();
      // About a minute of counting on two cores: long enough to be cancelled, never to finish.
      t.type("SELECT count(*) AS n FROM range(0, 100000000000L, 1, 2);\r");
      t.await(() -> spark.sparkContext().statusTracker().getActiveJobIds().length > 0);
      // What a system terminal does on Ctrl-C while no line is read: SIGINT, raised as INT.
      t.terminal.raise(Signal.INT);
      t.awaitLine("coopstats: the statement was cancelled.");
      t.type("SELECT 'after' AS a;\r");
      t.awaitLine("after");

      assertThat(t.quit()).isZero();
      assertThat(spark.sparkContext().statusTracker().getActiveJobIds()).isEmpty();
    } finally {
      TestSpark.session().sparkContext().cancelAllJobs();
    }
  }
}
