package coopstats.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import coopstats.LoggedLines;
import coopstats.TestSpark;
import java.nio.file.Path;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestSettings {
  final SparkSession spark = TestSpark.session();
  final RuntimeConfig conf = spark.conf();

  @AfterEach
  void unset() {
    conf.unset(Settings.BROADCAST_KEYS);
    conf.unset(Settings.BROADCAST_KEYS_DEPRECATED);
  }

  @Test
  void broadcastKeysDefaultsTo100000() throws Exception {
    LoggedLines.Logged<Long> read = LoggedLines.during(() -> Settings.broadcastKeys(spark));
    assertThat(read.result()).isEqualTo(100_000L);
    assertThat(read.lines()).isEmpty();
  }

  @Test
  void theKebabCaseKeyIsReadWithoutAWarning() throws Exception {
    conf.set("spark.coopstats.silver.broadcast-keys", "42");
    LoggedLines.Logged<Long> read = LoggedLines.during(() -> Settings.broadcastKeys(spark));
    assertThat(read.result()).isEqualTo(42L);
    assertThat(read.lines()).isEmpty();
  }

  @Test
  void theCamelCaseKeyIsStillReadWithADeprecationWarning() throws Exception {
    conf.set("spark.coopstats.silver.broadcastKeys", "7");
    LoggedLines.Logged<Long> read = LoggedLines.during(() -> Settings.broadcastKeys(spark));
    assertThat(read.result()).isEqualTo(7L);
    assertThat(read.lines())
        .isEqualTo(
            "spark.coopstats.silver.broadcastKeys is deprecated; set"
                + " spark.coopstats.silver.broadcast-keys instead\n");
  }

  @Test
  void whenBothAreSetTheKebabCaseKeyWins() throws Exception {
    conf.set("spark.coopstats.silver.broadcastKeys", "7");
    conf.set("spark.coopstats.silver.broadcast-keys", "0");
    LoggedLines.Logged<Long> read = LoggedLines.during(() -> Settings.broadcastKeys(spark));
    assertThat(read.result()).isZero();
    assertThat(read.lines())
        .isEqualTo(
            "spark.coopstats.silver.broadcastKeys is deprecated and ignored, as"
                + " spark.coopstats.silver.broadcast-keys is set as well; remove it\n");
  }

  @Test
  void aBadValueIsAUsageErrorNamingTheKeyItWasReadFrom() {
    conf.set("spark.coopstats.silver.broadcast-keys", "-1");
    assertThatThrownBy(() -> Settings.broadcastKeys(spark))
        .isInstanceOfSatisfying(
            CoopstatsException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "spark.coopstats.silver.broadcast-keys -1 is not valid: expected a whole"
                          + " number of keys, 0 or more. Fix the option and run again.");
            });
    conf.unset("spark.coopstats.silver.broadcast-keys");
    conf.set("spark.coopstats.silver.broadcastKeys", "many");
    assertThatThrownBy(() -> Settings.broadcastKeys(spark))
        .hasMessageStartingWith("spark.coopstats.silver.broadcastKeys many is not valid");
  }

  @Test
  void homeIsThePropertyElseTheEnvironmentElseTheCurrentDirectory() {
    assertThat(Settings.home("/opt/a", "/opt/b")).isEqualTo(Path.of("/opt/a"));
    assertThat(Settings.home(null, "/opt/b")).isEqualTo(Path.of("/opt/b"));
    assertThat(Settings.home(null, null)).isEqualTo(Path.of(""));
    assertThat(Settings.home(null, null).resolve("schemas")).isEqualTo(Path.of("schemas"));
  }

  @Test
  void aSchemasOptionWinsOverTheHome() {
    assertThat(Settings.schemas(Path.of("elsewhere"))).isEqualTo(Path.of("elsewhere"));
    assertThat(Settings.schemas(null)).isEqualTo(Settings.home().resolve("schemas"));
  }
}
