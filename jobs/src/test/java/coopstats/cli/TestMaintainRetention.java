package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Tags;
import coopstats.TestSpark;
import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Console;

/**
 * {@code maintain --retain-hours} is the retention VACUUM applies. Two deliveries leave two files
 * in bronze.investment, which OPTIMIZE replaces by one; files a killed run wrote but never
 * committed lie beside them, 2, 10 and 40 days old. Each maintain keeps exactly the files younger
 * than its retention, and prints only its own table on stdout.
 */
@Tag(Tags.OWN_RUNS)
class TestMaintainRetention {
  private static final String HEADER =
      "record_id,year,month,investor,country,sector,amount,currency,unit,is_tech\n";

  @TempDir Path dir;

  @Test
  void eachMaintainKeepsTheFilesYoungerThanItsRetentionAndDeletesTheOthers() throws IOException {
    deliver("a.csv", "A,2019,,X,Kenya,energy,5,USD,million,\n");
    run("2026-11-20");
    deliver("b.csv", "B,2020,,X,Kenya,energy,7,USD,million,\n");
    run("2026-11-21");
    Path table = dir.resolve("warehouse/bronze/investment");
    List<String> delivered = dataFiles(table);
    assertThat(delivered).hasSize(2);

    // Delta keeps no file longer than the log that names it (30 days): refused, nothing changed.
    Cli tooLong =
        Cli.run("maintain", "--warehouse", warehouse().toString(), "--retain-hours", "721");
    assertThat(tooLong.exitCode()).as(tooLong.err()).isEqualTo(64);
    assertThat(tooLong.err())
        .isEqualTo(
            "coopstats: --retain-hours 721 is longer than the 720 hours bronze.investment keeps"
                + " its Delta log (delta.logRetentionDuration), and Delta keeps no file longer than"
                + " the log that names it; no table was changed. Pass --retain-hours 720 or less, or"
                + " first raise the tables' log retention, for example ALTER TABLE"
                + " bronze.investment SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval"
                + " 721 hours').\n");
    assertThat(Cli.csv(warehouse(), "SELECT mode FROM ops.runs ORDER BY started_at"))
        .containsExactly("mode", "rebuild", "incremental");
    assertThat(retention("bronze.investment")).isNull();
    assertThat(dataFiles(table)).isEqualTo(delivered);

    stray(table, "part-00000-killed-2d.snappy.parquet", 2);
    stray(table, "part-00000-killed-10d.snappy.parquet", 10);
    stray(table, "part-00000-killed-40d.snappy.parquet", 40);

    // 30 days: only the 40-day-old file goes; OPTIMIZE's just-removed files stay.
    String printed = maintain("--retain-hours", "720");
    assertThat(retention("bronze.investment")).isEqualTo("interval 720 hours");
    assertThat(retention("gold.investment_share_yearly")).isEqualTo("interval 720 hours");
    List<String> compacted = dataFiles(table);
    compacted.removeAll(delivered);
    compacted.removeIf(f -> f.contains("-killed-"));
    assertThat(compacted).hasSize(1);
    assertThat(dataFiles(table))
        .containsExactlyInAnyOrder(
            delivered.get(0),
            delivered.get(1),
            compacted.get(0),
            "part-00000-killed-10d.snappy.parquet",
            "part-00000-killed-2d.snappy.parquet");
    assertThat(printed).as("printed on the JVM's stdout").isEmpty();

    // The default, 7 days: the 10-day-old file goes too.
    printed = maintain();
    assertThat(retention("bronze.investment")).isEqualTo("interval 168 hours");
    assertThat(dataFiles(table))
        .containsExactlyInAnyOrder(
            delivered.get(0),
            delivered.get(1),
            compacted.get(0),
            "part-00000-killed-2d.snappy.parquet");
    assertThat(printed).as("printed on the JVM's stdout").isEmpty();

    // A day, below Delta's default, with --unsafe-retention: the 2-day-old file goes; the files
    // OPTIMIZE removed minutes ago stay.
    printed = maintain("--retain-hours", "24", "--unsafe-retention");
    assertThat(retention("bronze.investment")).isEqualTo("interval 24 hours");
    assertThat(dataFiles(table))
        .containsExactlyInAnyOrder(delivered.get(0), delivered.get(1), compacted.get(0));
    assertThat(printed).as("printed on the JVM's stdout").isEmpty();

    // 0 hours: only the files of the latest version are left, and every row is still there.
    printed = maintain("--retain-hours", "0", "--unsafe-retention");
    assertThat(dataFiles(table)).containsExactly(compacted.get(0));
    assertThat(printed).as("printed on the JVM's stdout").isEmpty();
    assertThat(Cli.csv(warehouse(), "SELECT record_id FROM bronze.investment ORDER BY 1"))
        .containsExactly("record_id", "A", "B");

    // The next night still runs on tables that keep no history.
    deliver("c.csv", "C,2021,,X,Kenya,energy,9,USD,million,\n");
    run("2026-11-22");
    assertThat(Cli.csv(warehouse(), "SELECT record_id FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id", "A", "B", "C");
    assertThat(Cli.csv(warehouse(), "SELECT status, mode FROM ops.runs ORDER BY started_at"))
        .containsExactly(
            "status,mode",
            "success,rebuild",
            "success,incremental",
            "noop,maintain",
            "noop,maintain",
            "noop,maintain",
            "noop,maintain",
            "success,incremental");
  }

  /**
   * Runs maintain through the command line, checks that it succeeds and that its stdout holds only
   * its table, and returns what else reached the JVM's stdout, where Delta prints.
   */
  private String maintain(String... retention) {
    String[] args =
        Stream.concat(
                Stream.of("maintain", "--warehouse", warehouse().toString()), Stream.of(retention))
            .toArray(String[]::new);
    ByteArrayOutputStream jvmStdout = new ByteArrayOutputStream();
    Cli maintain =
        Console.withOut(
            new PrintStream(jvmStdout, true, StandardCharsets.UTF_8), () -> Cli.run(args));
    assertThat(maintain.exitCode()).as(maintain.err()).isZero();
    List<String> lines = maintain.out().lines().toList();
    assertThat(lines.get(0)).matches("table +\\| files before \\| files after");
    assertThat(lines.get(1)).matches("-+-\\+-+-\\+-+");
    assertThat(lines.subList(2, lines.size() - 1))
        .hasSize(lines.size() - 3)
        .allSatisfy(l -> assertThat(l).matches("(bronze|silver|gold)\\.\\w+ +\\| \\d+ +\\| \\d+"))
        .anySatisfy(l -> assertThat(l).matches("bronze\\.investment +\\| \\d+ +\\| 1"));
    assertThat(lines.get(lines.size() - 1)).matches("\\(\\d+ rows\\)");
    // What VACUUM printed is in the log, with the table's name.
    try {
      assertThat(Files.readString(Path.of("target/test.log")))
          .contains("Maintenance: VACUUM bronze.investment: Deleted ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jvmStdout.toString(StandardCharsets.UTF_8);
  }

  /** A table's delta.deletedFileRetentionDuration, or null when it is not set. */
  private String retention(String table) {
    Row detail =
        DeltaTable.forPath(
                TestSpark.session(), warehouse().resolve(table.replace('.', '/')).toString())
            .detail()
            .first();
    return detail
        .<String, String>getJavaMap(detail.fieldIndex("properties"))
        .get("delta.deletedFileRetentionDuration");
  }

  private void deliver(String file, String row) throws IOException {
    Path path = dir.resolve("landing/investment").resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, HEADER + row);
  }

  private void run(String date) {
    Cli run = Cli.run(Cli.runArgs(dir, "--date", date));
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private Path warehouse() {
    return dir.resolve("warehouse");
  }

  /** A file a killed run left in the table's folder, {@code days} old. */
  private static void stray(Path table, String name, int days) throws IOException {
    Path file = Files.writeString(table.resolve(name), "never committed");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(days))));
  }

  /** The data files in a table's folder, by name. */
  private static List<String> dataFiles(Path table) {
    try (Stream<Path> files = Files.list(table)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("part-"))
          .sorted()
          .collect(java.util.stream.Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
