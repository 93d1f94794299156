package coopstats.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import coopstats.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each layer's Delta table properties come from its {@code tables/<layer>/_layer.yaml}, and a
 * table's schema file may add its own; a file that names an unknown layer or a malformed value is
 * refused when schemas/ loads.
 */
class TestLayerProperties {
  @TempDir Path dir;

  static final Schemas SCHEMAS = Schemas.load(TestPaths.schemas());

  @Test
  void silverTablesKeepDeletionVectorsAndStatisticsOnKeyAndLineage() {
    assertThat(SCHEMAS.table("silver.fund").properties())
        .containsExactly(
            entry("delta.enableDeletionVectors", "true"),
            entry(
                "delta.dataSkippingStatsColumns",
                "source,record_id,_file,_line,_run_id,_ingested_at"));
    assertThat(SCHEMAS.table("silver.quarantine").properties())
        .containsEntry("delta.dataSkippingStatsColumns", "source,file,sheet,line,run_id");
  }

  @Test
  void goldRefAndOpsTablesKeepNoDeletionVectorsAndDeltasDefaultStatistics() {
    for (String table : List.of("gold.fund_yearly", "ref.country", "ops.runs")) {
      assertThat(SCHEMAS.table(table).properties())
          .as(table)
          .containsExactly(entry("delta.enableDeletionVectors", "false"));
    }
  }

  @Test
  void bronzeTablesKeepTheChangeFeedAndStatisticsOnTheLineageTheyHave() {
    assertThat(
            SCHEMAS
                .layer("bronze")
                .forTable(
                    List.of("_source", "_file", "_line", "_run_id", "_raw", "amount"), List.of()))
        .containsExactly(
            entry("delta.enableChangeDataFeed", "true"),
            entry("delta.enableDeletionVectors", "false"),
            entry("delta.dataSkippingStatsColumns", "_source,_file,_line,_run_id"));
  }

  @Test
  void aTablesOwnPropertiesAddToItsLayers() throws IOException {
    Path schemas =
        TestPaths.schemasWith(
            dir, "tables/gold/fund_yearly.yaml", "properties:\n  delta.appendOnly: \"true\"\n");
    assertThat(Schemas.load(schemas).table("gold.fund_yearly").properties())
        .containsExactly(
            entry("delta.enableDeletionVectors", "false"), entry("delta.appendOnly", "true"));
  }

  @Test
  void anUnknownLayerIsRefusedNamingTheFileAndKey() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir, "tables/gold/_layer.yaml", "layer: gold", "layer: platinum");
    assertRefused(
        schemas,
        "schema file "
            + schemas.resolve("tables/gold/_layer.yaml")
            + " is invalid: layer"
            + " 'platinum' is not one of [bronze, silver, gold, ref, ops]. Fix the file and run"
            + " again.");
  }

  @Test
  void aSwitchThatIsNeitherTrueNorFalseIsRefusedNamingTheFileAndKey() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir,
            "tables/silver/_layer.yaml",
            "delta.enableDeletionVectors: \"true\"",
            "delta.enableDeletionVectors: \"yes\"");
    assertRefused(
        schemas,
        "schema file "
            + schemas.resolve("tables/silver/_layer.yaml")
            + " is invalid: properties"
            + " key 'delta.enableDeletionVectors' is 'yes', expected true or false. Fix the file"
            + " and run again.");
  }

  @Test
  void aMissingLayerFileIsRefusedRatherThanLeavingBronzeWithoutItsChangeFeed() throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "tables/bronze/_layer.yaml", "");
    Files.delete(schemas.resolve("tables/bronze/_layer.yaml"));
    assertRefused(
        schemas,
        "schema file "
            + schemas.resolve("tables/bronze/_layer.yaml")
            + " is invalid: it is missing, and every layer declares its tables' Delta properties"
            + " in it (bronze's change feed among them); restore it from the coopstats release."
            + " Fix the file and run again.");
  }

  @Test
  void aTableInALayerCoopstatsDoesNotHaveIsRefused() throws IOException {
    Path schemas =
        TestPaths.schemasReplacing(
            dir, "tables/gold/fund_yearly.yaml", "table: gold.", "table: platinum.");
    assertRefused(
        schemas,
        "schema file "
            + schemas.resolve("tables/gold/fund_yearly.yaml")
            + " is invalid: table platinum.fund_yearly is in layer 'platinum', which is not one of"
            + " [bronze, silver, gold, ref, ops]. Fix the file and run again.");
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }

  private static void assertRefused(Path schemas, String message) {
    assertThatThrownBy(() -> Schemas.load(schemas))
        .isInstanceOf(CoopstatsException.class)
        .hasMessage(message)
        .satisfies(
            e -> assertThat(((CoopstatsException) e).exitCode()).isEqualTo(ExitCodes.CONFIG));
  }
}
