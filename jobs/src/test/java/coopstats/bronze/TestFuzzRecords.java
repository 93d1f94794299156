package coopstats.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Mutations;
import coopstats.TestPaths;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Thousands of randomly damaged copies of the sample files through the bronze reader, without
 * Spark: it never throws, every non-blank line after the one-line header lands in exactly one
 * bronze row, and every row it could not read carries its reason. The seed is fixed, so a failure
 * repeats; {@code -Dcoopstats.fuzz.seed} and {@code -Dcoopstats.fuzz.files} explore further.
 */
class TestFuzzRecords {
  static final long SEED = Long.getLong("coopstats.fuzz.seed", 20261121L);
  static final int FILES = Integer.getInteger("coopstats.fuzz.files", 3000);

  @Test
  void damagedFilesAreReadWholeAndEveryLineIsAccountedFor() throws IOException {
    Schemas schemas = Schemas.load(TestPaths.schemas());
    List<Path> samples = samples();
    Mutations mutations = new Mutations(SEED);
    long rows = 0;
    long rejected = 0;
    for (int i = 0; i < FILES; i++) {
      Path sample = samples.get(mutations.random().nextInt(samples.size()));
      String source = sample.getParent().getFileName().toString();
      SourceProfile profile = schemas.profiles().get(source);
      byte[] bytes = mutations.apply(Files.readAllBytes(sample), 1 + mutations.random().nextInt(8));
      String file = source + "/fuzz_" + i + "_" + sample.getFileName();
      String at = "seed " + SEED + ", file " + i + " (" + sample.getFileName() + ")";

      List<Row> read = new ArrayList<>();
      try {
        new BronzeReader(
                profile, schemas.contract(profile.kind()), "landing", "fuzz", new Timestamp(0))
            .call(RowFactory.create("landing/" + file, bytes))
            .forEachRemaining(read::add);
      } catch (RuntimeException e) {
        throw new AssertionError(at + ": the bronze reader threw", e);
      }

      String text = Decoding.decode(bytes, profile.encoding(), profile.fallbackEncoding()).text();
      String[] lines = text.split("\r\n|\r|\n", -1);
      BitSet expected = new BitSet();
      for (int l = 0; l < lines.length; l++) {
        if (!lines[l].isBlank()) {
          expected.set(l + 1);
        }
      }
      if (!profile.isJsonLines(file)) {
        List<Record> records = CsvRecords.split(text);
        if (!records.isEmpty()) {
          Record header = records.get(0);
          assertThat(header.raw()).as(at + ": the header is one line").doesNotContain("\n");
          expected.clear((int) header.line());
        }
      }
      BitSet covered = new BitSet();
      for (Row r : read) {
        int first = (int) r.getLong(2);
        assertThat(lines[first - 1]).as(at + ": a row starts on line " + first).isNotBlank();
        String raw = r.getString(5);
        for (int l = first; l <= first + newlines(raw); l++) {
          assertThat(covered.get(l)).as(at + ": line " + l + " is in two rows").isFalse();
          covered.set(l);
        }
        assertThat(r.getString(1)).isEqualTo(file);
        if (r.getString(6) != null) {
          assertThat(r.getString(6)).as(at + ": line " + first + "'s reason").isNotBlank();
          rejected++;
        }
        rows++;
      }
      // A quoted field may hold a blank line: it belongs to its row, not to the count.
      for (int l = covered.nextSetBit(0); l >= 0; l = covered.nextSetBit(l + 1)) {
        if (lines[l - 1].isBlank()) {
          covered.clear(l);
        }
      }
      assertThat(covered).as(at + ": the non-blank lines in bronze rows").isEqualTo(expected);
    }
    assertThat(mutations.applied()).isGreaterThanOrEqualTo(FILES);
    for (Mutations.Kind kind : Mutations.Kind.values()) {
      assertThat(mutations.applied(kind)).as(kind + " applied").isPositive();
    }
    assertThat(rows).isGreaterThan(rejected).isGreaterThan(FILES);
    assertThat(rejected).as("rows the damage made unreadable").isPositive();
  }

  /**
   * The line breaks in a row's raw text, which keeps them as delivered ({@code \r\n}, {@code \r},
   * {@code \n}).
   */
  private static int newlines(String raw) {
    return raw == null ? 0 : CsvRecords.lines(raw).length - 1;
  }

  static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.walk(TestPaths.sample())) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
