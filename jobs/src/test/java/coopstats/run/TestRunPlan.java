package coopstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.contract.RunMode;
import coopstats.ops.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a run does, from the last published run's versions and the tables' versions now. */
class TestRunPlan {
  static final List<String> WRITTEN = List.of("silver.fund", "gold.fund_yearly");

  static final Map<String, Long> PUBLISHED =
      Map.of("bronze.fund", 3L, "silver.fund", 5L, "gold.fund_yearly", 7L, "ref.country", 1L);

  static Optional<RunRecord.Published> last() {
    return Optional.of(new RunRecord.Published("f1", PUBLISHED));
  }

  @Test
  void withoutAPublishedRunOfTheseSchemasTheRunRebuilds() {
    assertThat(RunPlan.decide(Optional.empty(), PUBLISHED, WRITTEN, false))
        .isEqualTo(RunMode.REBUILD);
  }

  @Test
  void tablesAsPublishedMakeANoop() {
    Map<String, Long> now = Map.of("bronze.fund", 3L, "silver.fund", 5L, "gold.fund_yearly", 7L);
    assertThat(RunPlan.decide(last(), now, WRITTEN, false)).isEqualTo(RunMode.NOOP);
  }

  @Test
  void newBronzeRowsAreMergedUnlessAFileStreamStartedAfresh() {
    Map<String, Long> now = Map.of("bronze.fund", 4L, "silver.fund", 5L, "gold.fund_yearly", 7L);
    assertThat(RunPlan.decide(last(), now, WRITTEN, false)).isEqualTo(RunMode.INCREMENTAL);
    assertThat(RunPlan.decide(last(), now, WRITTEN, true)).isEqualTo(RunMode.REBUILD);
  }

  @Test
  void tablesAheadOfTheLastPublishedRunAreMergedIntoAfterTheirRestore() {
    Map<String, Long> now = Map.of("bronze.fund", 3L, "silver.fund", 6L, "gold.fund_yearly", 7L);
    assertThat(RunPlan.decide(last(), now, WRITTEN, false)).isEqualTo(RunMode.INCREMENTAL);
  }

  @Test
  void aTableReplacedOrMissingSinceThePublishedRunMakesARebuild() {
    Map<String, Long> replaced =
        Map.of("bronze.fund", 4L, "silver.fund", 2L, "gold.fund_yearly", 7L);
    Map<String, Long> missing = Map.of("bronze.fund", 4L, "silver.fund", 5L);
    assertThat(RunPlan.decide(last(), replaced, WRITTEN, false)).isEqualTo(RunMode.REBUILD);
    assertThat(RunPlan.decide(last(), missing, WRITTEN, false)).isEqualTo(RunMode.REBUILD);
    assertThat(RunPlan.decide(last(), Map.of("bronze.fund", 4L), List.of("silver.new"), false))
        .isEqualTo(RunMode.REBUILD);
  }
}
