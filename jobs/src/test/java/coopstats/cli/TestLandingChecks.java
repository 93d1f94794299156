package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} and {@code backfill} check before Spark starts: the sample is the landing of the
 * default warehouse only, and a local landing folder must be there, be a folder and hold only
 * sources with a profile. A refused command leaves no warehouse and no run behind.
 */
class TestLandingChecks {
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
