package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.SampleWarehouse;
import coopstats.TestPaths;
import coopstats.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gold table that readers without Spark could not open stops the run before it publishes. */
class TestGoldReaderGate {
  @TempDir Path dir;

  @Test
  void deletionVectorsTurnedOnByHandFailTheNextRunWithExit65() {
    Path warehouse = SampleWarehouse.copy(dir);
    String table = warehouse.resolve("gold/tech_investment_ratio_yearly").toUri().toString();
    TestSpark.session()
        .sql(
            "ALTER TABLE delta.`"
                + table
                + "` SET TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");

    Cli run =
        Cli.run(
            "run", "--landing", TestPaths.sample().toString(), "--warehouse", warehouse.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(65);
    assertThat(run.err())
        .contains(
            "coopstats: gold.tech_investment_ratio_yearly uses deletion vectors (Delta table"
                + " feature deletionVectors), which readers without Spark")
        .contains("nothing was published")
        .contains("run `coopstats run --full-refresh`");
    assertThat(Cli.csv(warehouse, "SELECT status, exit_code FROM ops.runs ORDER BY started_at"))
        .containsExactly("status,exit_code", "success,0", "failed,65");
  }
}
