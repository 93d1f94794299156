package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.Mutations;
import coopstats.Tags;
import coopstats.TestPaths;
import coopstats.bronze.BronzeText;
import coopstats.contract.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline, through the real command line, on one delivery of randomly damaged copies of
 * the sample files (thousands of mutations, fixed seed): the run succeeds, every delivered row is
 * in silver or in quarantine, and every quarantined row says which rule and why.
 */
@Tag(Tags.OWN_RUNS)
class TestFuzzPipeline {
  static final long SEED = Long.getLong("coopstats.fuzz.seed", 20261121L);
  static final int FILES = Integer.getInteger("coopstats.fuzz.pipeline.files", 40);

  @TempDir Path dir;

  @Test
  void aDeliveryOfDamagedFilesNeverCrashesTheRunOrLosesARow() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.walk(TestPaths.sample())) {
      samples = files.filter(Files::isRegularFile).sorted().toList();
    }
    Schemas schemas = Schemas.load(TestPaths.schemas());
    Mutations mutations = new Mutations(SEED);
    long withData = 0;
    for (int i = 0; i < FILES; i++) {
      Path sample = samples.get(i % samples.size());
      String source = sample.getParent().getFileName().toString();
      String file = source + "/fuzz_" + i + "_" + sample.getFileName();
      byte[] bytes =
          mutations.apply(Files.readAllBytes(sample), 1 + mutations.random().nextInt(100));
      Path to = dir.resolve("landing").resolve(file);
      Files.createDirectories(to.getParent());
      Files.write(to, bytes);
      if (BronzeText.dataLines(bytes, schemas.profiles().get(source), file) > 0) {
        withData++;
      }
    }
    assertThat(mutations.applied()).isGreaterThan(1000);

    Cli run =
        Cli.run(
            "run",
            "--landing",
            dir.resolve("landing").toString(),
            "--warehouse",
            dir.resolve("warehouse").toString());
    assertThat(run.exitCode()).as("seed " + SEED + ": " + run.err()).isZero();
    assertThat(sql("SELECT status, reconciliation FROM ops.runs"))
        .containsExactly("status,reconciliation", "success,balanced");

    // Every file with a data line is in bronze, and reconciled again here from the tables:
    // bronze rows = silver rows + quarantined rows.
    assertThat(
            sql(
                "WITH bronze AS (SELECT _file AS file, count(*) AS n FROM ("
                    + "SELECT _file FROM bronze.investment UNION ALL SELECT _file FROM bronze.fund"
                    + " UNION ALL SELECT _file FROM bronze.joint_lab"
                    + " UNION ALL SELECT _file FROM bronze.training) GROUP BY _file),"
                    + " silver AS (SELECT _file AS file, count(*) AS n FROM ("
                    + "SELECT _file FROM silver.investment UNION ALL SELECT _file FROM silver.fund"
                    + " UNION ALL SELECT _file FROM silver.joint_lab"
                    + " UNION ALL SELECT _file FROM silver.training) GROUP BY _file),"
                    + " q AS (SELECT file, count(*) AS n FROM silver.quarantine GROUP BY file)"
                    + " SELECT count(*) AS files, count_if(b.n <> coalesce(s.n, 0) + coalesce(q.n, 0))"
                    + " AS unbalanced, sum(b.n) > 0 AS any_rows FROM bronze b"
                    + " LEFT JOIN silver s USING (file) LEFT JOIN q USING (file)"))
        .containsExactly("files,unbalanced,any_rows", withData + ",0,true");
    assertThat(
            sql(
                "SELECT count(*) > 0 AS any, count_if(rule IS NULL OR trim(rule) = ''"
                    + " OR reason IS NULL OR trim(reason) = '' OR line IS NULL) AS unexplained"
                    + " FROM silver.quarantine"))
        .containsExactly("any,unexplained", "true,0");
    // The damage reaches the rows both ways: some come through, some are caught.
    assertThat(sql("SELECT count(*) > 0 AS any FROM silver.investment"))
        .containsExactly("any", "true");
  }

  private List<String> sql(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }
}
