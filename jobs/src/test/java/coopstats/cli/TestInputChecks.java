package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands check before Spark starts: the sample is the landing of the default warehouse
 * only; a local landing folder must be there, be a folder and hold only sources with a profile; a
 * local warehouse must be a folder, and be there for a command that reads it. A refused command
 * leaves no warehouse and no run behind.
 */
class TestInputChecks {
  @TempDir Path dir;

  @Test
  void aWarehouseOfOnesOwnNeedsItsLandingFolder() {
    Path warehouse = dir.resolve("prod");
    for (String command : new String[] {"run", "backfill"}) {
      String[] args =
          command.equals("run")
              ? new String[] {"run", "--warehouse", warehouse.toString()}
              : new String[] {
                "backfill",
                "--from",
                "2026-11-19",
                "--to",
                "2026-11-20",
                "--warehouse",
                warehouse.toString()
              };
      Cli r = Cli.run(args);
      assertThat(r.exitCode()).as(r.err()).isEqualTo(64);
      assertThat(r.err())
          .isEqualTo(
              "coopstats: --landing is required with --warehouse: the bundled sample is read"
                  + " only into the default warehouse (./warehouse, when --warehouse is not"
                  + " given), never into "
                  + warehouse
                  + ". Pass the folder that holds one sub-folder per source, for example:"
                  + " coopstats "
                  + command
                  + " --warehouse "
                  + warehouse
                  + " --landing /data/landing\n");
      assertThat(r.out()).isEmpty();
      assertThat(warehouse).as(command).doesNotExist();
    }
  }

  @Test
  void aMissingLandingFolderExits66AndCreatesNoWarehouse() {
    Cli r = run(dir.resolve("nowhere"));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(66);
    assertThat(r.err())
        .isEqualTo(
            "coopstats: landing folder not found: "
                + uri(dir.resolve("nowhere"))
                + ". Pass --landing with a folder that holds one sub-folder per source (for"
                + " example landing/cgit/).\n");
    assertThat(dir.resolve("warehouse")).doesNotExist();
  }

  @Test
  void aFileGivenAsTheLandingFolderExits66AndCreatesNoWarehouse() throws IOException {
    Path file = Files.writeString(dir.resolve("investment.csv"), "record_id,year\n");
    Cli r = run(file);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(66);
    assertThat(r.err())
        .isEqualTo(
            "coopstats: landing folder "
                + uri(file)
                + " is a file, not a folder. Pass --landing with the folder that holds one"
                + " sub-folder per source (for example landing/, which holds cgit/), not a file in"
                + " it.\n");
    assertThat(dir.resolve("warehouse")).doesNotExist();
  }

  @Test
  void aSourceFolderWithoutAProfileExits78AndCreatesNoWarehouse() throws IOException {
    Files.createDirectories(dir.resolve("landing/investment"));
    Files.createDirectories(dir.resolve("landing/investments"));
    Cli r = run(dir.resolve("landing"));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(78);
    assertThat(r.err())
        .startsWith(
            "coopstats: landing folder file:"
                + dir.resolve("landing/investments")
                + " has no source profile. Known sources: ");
    assertThat(dir.resolve("warehouse")).doesNotExist();
  }

  @Test
  void aFileGivenAsTheWarehouseIsRefusedWith64AndLeftAlone() throws IOException {
    Path file = Files.writeString(dir.resolve("warehouse.txt"), "notes");
    for (String[] args :
        List.of(
            new String[] {"run", "--landing", TestPaths.sample().toString()},
            new String[] {"maintain"},
            new String[] {"sql", "SELECT 1"})) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--warehouse", file.toString()));
      Cli r = Cli.run(all.toArray(String[]::new));
      assertThat(r.exitCode()).as(r.err()).isEqualTo(64);
      assertThat(r.err())
          .isEqualTo(
              "coopstats: --warehouse "
                  + file
                  + " is a file, not a folder. Pass the folder that holds the tables, or that is to"
                  + " hold them, for example --warehouse /data/warehouse.\n");
    }
    assertThat(file).hasContent("notes");
  }

  @Test
  void aCommandThatReadsAWarehouseThatIsNotThereExits66AndCreatesNothing() {
    Path warehouse = dir.resolve("typo");
    for (String[] args :
        List.of(
            new String[] {"sql", "SELECT 1"}, new String[] {"status"}, new String[] {"maintain"})) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--warehouse", warehouse.toString()));
      Cli r = Cli.run(all.toArray(String[]::new));
      assertThat(r.exitCode()).as(r.err()).isEqualTo(66);
      assertThat(r.err())
          .isEqualTo(
              "coopstats: warehouse not found: "
                  + uri(warehouse)
                  + ". Run `bin/coopstats run` first, or pass --warehouse DIR.\n");
    }
    assertThat(warehouse).doesNotExist();
  }

  private Cli run(Path landing) {
    return Cli.run(
        "run",
        "--landing",
        landing.toString(),
        "--warehouse",
        dir.resolve("warehouse").toString(),
        "--date",
        "2026-11-20");
  }

  /** A local folder as Hadoop names it, and so as the messages do. */
  private static String uri(Path path) {
    return "file:" + path.toAbsolutePath();
  }
}
