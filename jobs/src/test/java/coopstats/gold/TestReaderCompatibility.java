package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.spark.Warehouse;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gate before publishing gold finds in a table's Delta protocol. */
class TestReaderCompatibility {
  @TempDir Path dir;
  final SparkSession spark = TestSpark.session();

  String table(String name, String properties) {
    String path = dir.resolve(name).toUri().toString();
    spark.sql(
        "CREATE TABLE delta.`"
            + path
            + "` (year INT, amount DOUBLE) USING delta"
            + " TBLPROPERTIES ("
            + properties
            + ")");
    return path;
  }

  @Test
  void aGoldTableAsThePipelineCreatesItNeedsReaderVersionOne() {
    Warehouse w = new Warehouse(spark, dir.toUri().toString());
    w.ensure(Schemas.load(TestPaths.schemas()).table("gold.program_roi_yearly"));
    assertThat(ReaderCompatibility.problems(spark, w.path("gold", "program_roi_yearly"))).isEmpty();
  }

  @Test
  void deletionVectorsColumnMappingAndV2CheckpointsAreNamed() {
    assertThat(
            ReaderCompatibility.problems(
                spark, table("dv", "'delta.enableDeletionVectors' = 'true'")))
        .containsExactly("deletion vectors (Delta table feature deletionVectors)");
    assertThat(
            ReaderCompatibility.problems(
                spark,
                table(
                    "cm",
                    "'delta.columnMapping.mode' = 'name', 'delta.enableDeletionVectors' = 'false'")))
        .containsExactly("column mapping (Delta table feature columnMapping)");
    assertThat(
            ReaderCompatibility.problems(
                spark,
                table(
                    "v2",
                    "'delta.checkpointPolicy' = 'v2', 'delta.enableDeletionVectors' = 'false'")))
        .containsExactly("v2 checkpoints (Delta table feature v2Checkpoint)");
  }
}
