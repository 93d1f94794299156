package coopstats.spark;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a few megabytes turns Spark's code generation off and a larger one leaves Spark's
 * defaults; queries give the same rows either way.
 */
class TestInputSize {
  @TempDir Path dir;
  final SparkSession spark = TestSpark.session();

  @AfterEach
  void defaults() {
    InputSize.tune(spark, InputSize.SMALL_BYTES);
  }

  @Test
  void belowTheThresholdCodeGenerationIsOffAndAboveItSparksDefaultsStand() {
    assertThat(InputSize.tune(spark, InputSize.SMALL_BYTES - 1)).isTrue();
    assertThat(spark.conf().get(InputSize.WHOLE_STAGE)).isEqualTo("false");
    assertThat(spark.conf().get(InputSize.FACTORY_MODE)).isEqualTo("NO_CODEGEN");
    List<Row> interpreted = query();

    assertThat(InputSize.tune(spark, InputSize.SMALL_BYTES)).isFalse();
    assertThat(spark.conf().get(InputSize.WHOLE_STAGE)).isEqualTo("true");
    assertThat(spark.conf().get(InputSize.FACTORY_MODE)).isEqualTo("FALLBACK");
    assertThat(query()).isEqualTo(interpreted).hasSize(3);
  }

  @Test
  void sizesEveryFileUnderTheFoldersThatExist() throws IOException {
    Path landing = dir.resolve("landing");
    Files.createDirectories(landing.resolve("investment/dt=2026-11-21"));
    Files.write(landing.resolve("investment/a.csv"), new byte[1000]);
    Files.write(landing.resolve("investment/dt=2026-11-21/b.csv"), new byte[234]);
    Path bronze = dir.resolve("warehouse/bronze");
    Files.createDirectories(bronze);
    Files.write(bronze.resolve("part.parquet"), new byte[10]);

    long bytes =
        InputSize.of(
            spark,
            List.of(
                landing.toUri().toString(),
                bronze.toUri().toString(),
                dir.resolve("missing").toUri().toString()));

    assertThat(bytes).isEqualTo(1244);
  }

  private List<Row> query() {
    return spark
        .sql(
            "SELECT k, sum(v) AS s FROM VALUES (1, 2.5), (2, 1.0), (1, 0.25), (3, NULL) AS t(k, v)"
                + " GROUP BY k ORDER BY k")
        .collectAsList();
  }
}
