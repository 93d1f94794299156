package coopstats.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One row of {@code ops.runs}. */
public record RunRecord(
    String runId,
    LocalDate logicalDate,
    Instant startedAt,
    Instant endedAt,
    String status,
    int exitCode,
    String message,
    Map<String, Long> filesRead,
    Map<String, Long> rowsRead,
    Map<String, Long> rowsSilver,
    Map<String, Long> rowsQuarantine,
    String reconciliation,
    String mode,
    List<String> restored,
    Map<String, Long> deltaVersions,
    String fingerprint) {

  /** What the last run that published (or confirmed) the tables saw. */
  public record Published(String fingerprint, Map<String, Long> deltaVersions) {}
}
