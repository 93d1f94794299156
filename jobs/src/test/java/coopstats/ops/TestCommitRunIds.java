package coopstats.ops;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.SampleWarehouse;
import coopstats.TestSpark;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Every Delta commit a run makes carries its run id as {@code userMetadata}, so that a table's
 * history joins {@code ops.runs}. The shared sample warehouse was built by one run.
 */
class TestCommitRunIds {
  @Test
  void everyCommitOfEveryTableCarriesTheRunIdOfOpsRuns() throws IOException {
    Path warehouse = SampleWarehouse.get();
    List<String> runs = Cli.csv(warehouse, "SELECT run_id FROM ops.runs");
    assertThat(runs).hasSize(2);
    String runId = runs.get(1);
    List<Path> tables;
    try (Stream<Path> logs = Files.walk(warehouse, 3)) {
      tables =
          logs.filter(p -> p.getFileName().toString().equals("_delta_log"))
              .map(Path::getParent)
              .sorted()
              .toList();
    }
    assertThat(tables.stream().map(t -> warehouse.relativize(t).toString()))
        .contains("bronze/investment", "silver/quarantine", "gold/investment_share_yearly")
        .contains("ref/fx_rate", "ops/runs", "ops/quality");
    for (Path table : tables) {
      List<Row> history =
          DeltaTable.forPath(TestSpark.session(), table.toString())
              .history()
              .select("version", "operation", "userMetadata")
              .collectAsList();
      assertThat(history).as(table.toString()).isNotEmpty();
      assertThat(history)
          .as(table + ": every commit's userMetadata")
          .allSatisfy(r -> assertThat(r.getString(2)).as(r.toString()).isEqualTo(runId));
    }
  }
}
