package coopstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestErrors {
  @Test
  void aStoppedBackfillKeepsTheRunsExitCodeAndSaysWhereToResume() {
    CoopstatsException run = Errors.missingLanding("landing");
    CoopstatsException e = Errors.backfillStopped("2026-03-02", run);
    assertThat(e.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(e.getCause()).isSameAs(run);
    assertThat(e.getMessage())
        .isEqualTo(
            "backfill stopped at 2026-03-02: landing folder not found: landing. Pass --landing with"
                + " a folder that holds one sub-folder per source (for example landing/cgit/)."
                + " The dates before it are done; resume with --from 2026-03-02.");
  }

  @Test
  void aStoppedBackfillOfAnUnexpectedErrorExits70() {
    assertThat(Errors.backfillStopped("2026-03-02", new IllegalStateException("boom")).exitCode())
        .isEqualTo(ExitCodes.SOFTWARE);
  }
}
