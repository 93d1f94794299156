package coopstats.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which ingested files are delivered again, on a checkpoint written by hand as Spark's file stream
 * writes it: log batch 0 (a.csv, b.csv) committed, log batch 1 (c.csv) planned by a run that died.
 */
class TestRedeliveries {
  @TempDir Path dir;
  private String landing;
  private IngestedFiles seen;

  @BeforeEach
  void checkpoint() throws IOException {
    landing = dir.resolve("landing").toUri().toString().replaceAll("/$", "");
    Path cp = dir.resolve("warehouse/_checkpoints/bronze_investment");
    write(cp.resolve("sources/0/0"), "v1", entry("a.csv", 100, 0), entry("b.csv", 100, 0));
    write(cp.resolve("sources/0/1"), "v1", entry("c.csv", 100, 1));
    write(cp.resolve("offsets/0"), "v1", "{\"batchWatermarkMs\":0}", "{\"logOffset\":0}");
    write(cp.resolve("offsets/1"), "v1", "{\"batchWatermarkMs\":0}", "{\"logOffset\":1}");
    write(cp.resolve("commits/0"), "v1", "{\"nextBatchWatermarkMs\":0}");
    seen = IngestedFiles.of(new Configuration(), cp.toString(), landing, "investment");
    seen.fingerprints()
        .record(
            Map.of(
                "investment/a.csv", new Fingerprints.Print("sha-a", 100),
                "investment/b.csv", new Fingerprints.Print("sha-b", 100)));
  }

  @Test
  void newContentIsADeliveryAndATouchedFileOrAnUnfinishedBatchIsNot() {
    Map<String, Long> listed =
        Map.of(path("a.csv"), 200L, path("b.csv"), 300L, path("c.csv"), 400L);
    Map<String, String> content =
        Map.of(path("a.csv"), "sha-a2", path("b.csv"), "sha-b", path("c.csv"), "sha-c2");

    assertThat(Redeliveries.find(seen, listed, content::get)).containsExactly("investment/a.csv");
    assertThat(seen.committedLogOffset()).isZero();
    assertThat(seen.ingested().keySet())
        .containsExactly(path("a.csv") + "#superseded-in-batch-0", path("b.csv"), path("c.csv"));
    // The touched file's content was read at its new time: it is not read for it again.
    assertThat(seen.fingerprints().read())
        .containsEntry("investment/b.csv", new Fingerprints.Print("sha-b", 300));

    // A run that died before its stream read a.csv: the next one finds it again, and renames
    // nothing more.
    Map<String, String> none = Map.of();
    assertThat(Redeliveries.find(seen, listed, none::get)).containsExactly("investment/a.csv");
    assertThat(seen.ingested().keySet())
        .containsExactly(path("a.csv") + "#superseded-in-batch-0", path("b.csv"), path("c.csv"));
  }

  @Test
  void aFileWithoutAFingerprintIsADeliveryWhenItsTimeChanged() throws IOException {
    Map<String, String> none = Map.of();
    Files.delete(dir.resolve("warehouse/_checkpoints/bronze_investment.fingerprints"));
    seen.fingerprints().record(Map.of("investment/a.csv", new Fingerprints.Print("sha-a", 100)));
    assertThat(Redeliveries.find(seen, Map.of(path("b.csv"), 300L), none::get))
        .containsExactly("investment/b.csv");
    assertThat(seen.superseded()).containsExactly(path("b.csv"));
  }

  private String path(String file) {
    return landing + "/investment/" + file;
  }

  private String entry(String file, long modified, long batch) {
    return "{\"path\":\""
        + path(file)
        + "\",\"timestamp\":"
        + modified
        + ",\"batchId\":"
        + batch
        + "}";
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", List.of(lines)));
  }
}
