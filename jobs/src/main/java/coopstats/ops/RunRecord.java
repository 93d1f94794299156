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

  private static final java.time.format.DateTimeFormatter ID_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  /** A run's id: its start time in UTC, then {@code suffix} (20261120T010203Z-1a2b3c). */
  public static String id(java.time.Instant started, String suffix) {
    return ID_TIME.format(started) + "-" + suffix;
  }
}
