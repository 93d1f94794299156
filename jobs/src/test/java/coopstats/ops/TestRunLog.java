package coopstats.ops;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.RunMode;
import coopstats.contract.RunStatus;
import coopstats.contract.Schemas;
import coopstats.spark.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.runs is written and read by column name, through the schema file's columns. */
class TestRunLog {
  static final Schemas SCHEMAS = Schemas.load(TestPaths.schemas());
  final SparkSession spark = TestSpark.session();
  @TempDir Path dir;

  static RunRecord run(String id, int minute, RunStatus status, RunMode mode, String fingerprint) {
    Instant started = Instant.parse("2026-03-01T02:00:00.123456Z").plusSeconds(60L * minute);
    return new RunRecord(
        id,
        LocalDate.of(2026, 3, minute + 1),
        started,
        started.plusMillis(1500),
        status,
        status == RunStatus.FAILED ? 70 : 0,
        status == RunStatus.FAILED ? "boom" : null,
        Map.of("cgit", 2L),
        Map.of("cgit", 40L),
        Map.of("investment", 38L),
        Map.of("investment", 2L),
        "balanced",
        mode,
        status == RunStatus.FAILED ? null : List.of("silver.fund"),
        Map.of("silver.investment", 3L),
        fingerprint);
  }

  @Test
  void aRunIsReadBackAsItWasWrittenAndTheLastPublishedSkipsFailures() {
    Warehouse warehouse = new Warehouse(spark, dir.toUri().toString());
    RunLog log = new RunLog(warehouse, SCHEMAS);
    RunRecord first = run("r1", 0, RunStatus.SUCCESS, RunMode.REBUILD, "f1");
    RunRecord second = run("r2", 1, RunStatus.PARTIAL, RunMode.INCREMENTAL, "f2");
    RunRecord third = run("r3", 2, RunStatus.FAILED, null, null);
    log.record(first);
    log.record(second);
    log.record(third);

    Dataset<Row> runs = spark.read().format("delta").load(warehouse.path("ops", "runs"));
    assertThat(List.of(runs.columns())).isEqualTo(SCHEMAS.table("ops.runs").columnNames());
    assertThat(RunLog.latest(runs, 10)).containsExactly(third, second, first);
    assertThat(RunLog.latest(runs, 1, List.of(RunStatus.SUCCESS))).containsExactly(first);
    assertThat(runs.where("run_id = 'r2'").select("status", "mode").first().toString())
        .isEqualTo("[partial,incremental]");
    assertThat(log.lastPublished())
        .contains(new RunRecord.Published("f2", Map.of("silver.investment", 3L)));
  }

  @Test
  void aLogFromBeforeModesAndFingerprintsReadsThemAsNull() {
    Warehouse warehouse = new Warehouse(spark, dir.toUri().toString());
    new RunLog(warehouse, SCHEMAS).record(run("r1", 0, RunStatus.NOOP, RunMode.NOOP, "f1"));
    String path = warehouse.path("ops", "runs");
    Dataset<Row> old =
        spark.read().format("delta").load(path).drop("mode", "restored", "fingerprint");
    RunRecord read = RunLog.latest(old, 1).get(0);
    assertThat(read.mode()).isNull();
    assertThat(read.restored()).isNull();
    assertThat(read.fingerprint()).isNull();
    assertThat(read.status()).isEqualTo(RunStatus.NOOP);
    assertThat(read.startedAt()).isEqualTo(Instant.parse("2026-03-01T02:00:00.123456Z"));
  }

  @Test
  void aRunLoggedWithoutItsDateByAnOlderVersionReadsAsTheUtcDayItStarted() {
    Warehouse warehouse = new Warehouse(spark, dir.toUri().toString());
    RunRecord run = run("r1", 0, RunStatus.SUCCESS, RunMode.REBUILD, "f1");
    Instant lateEvening = Instant.parse("2026-02-28T23:30:00Z");
    new RunLog(warehouse, SCHEMAS)
        .record(
            new RunRecord(
                "r1",
                null,
                lateEvening,
                lateEvening.plusSeconds(9),
                run.status(),
                0,
                null,
                run.filesRead(),
                run.rowsRead(),
                run.rowsSilver(),
                run.rowsQuarantine(),
                run.reconciliation(),
                run.mode(),
                run.restored(),
                run.deltaVersions(),
                "f1"));
    Dataset<Row> runs = spark.read().format("delta").load(warehouse.path("ops", "runs"));
    assertThat(runs.where("logical_date IS NULL").count()).isEqualTo(1);
    assertThat(RunLog.latest(runs, 1).get(0).logicalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
  }
}
