package coopstats.ops;

import coopstats.contract.RunMode;
import coopstats.contract.RunStatus;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One row of {@code ops.runs}. The schema file lists the columns; this is the one place in code
 * that names them, to write a row ({@link #columns}) and to read one back ({@link #of}).
 */
public record RunRecord(
    String runId,
    LocalDate logicalDate,
    Instant startedAt,
    Instant endedAt,
    RunStatus status,
    int exitCode,
    String message,
    Map<String, Long> filesRead,
    Map<String, Long> rowsRead,
    Map<String, Long> rowsSilver,
    Map<String, Long> rowsQuarantine,
    String reconciliation,
    RunMode mode,
    List<String> restored,
    Map<String, Long> deltaVersions,
    String fingerprint) {

  /** What the last run that published (or confirmed) the tables saw. */
  public record Published(String fingerprint, Map<String, Long> deltaVersions) {}

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A run's id: its start time in UTC, then {@code suffix} (20261120T010203Z-1a2b3c). */
  public static String id(Instant started, String suffix) {
    return ID_TIME.format(started) + "-" + suffix;
  }

  /** The row's values by column name, as Spark takes them. */
  Map<String, Object> columns() {
    Map<String, Object> c = new HashMap<>();
    c.put("run_id", runId);
    c.put("logical_date", logicalDate == null ? null : Date.valueOf(logicalDate));
    c.put("started_at", Timestamp.from(startedAt));
    c.put("ended_at", Timestamp.from(endedAt));
    c.put("status", status.value());
    c.put("exit_code", exitCode);
    c.put("message", message);
    c.put("files_read", filesRead);
    c.put("rows_read", rowsRead);
    c.put("rows_silver", rowsSilver);
    c.put("rows_quarantine", rowsQuarantine);
    c.put("reconciliation", reconciliation);
    c.put("mode", mode == null ? null : mode.value());
    c.put("restored", restored == null ? null : CollectionConverters.asScala(restored).toSeq());
    c.put("delta_versions", deltaVersions);
    c.put("fingerprint", fingerprint);
    return c;
  }

  /**
   * A row of ops.runs; a column a log from an older version lacks reads as null. Older versions
   * left logical_date null for a run without --date, whose logical date was the UTC day it started.
   */
  public static RunRecord of(Row r) {
    List<String> has = List.of(r.schema().fieldNames());
    Date date = r.getAs("logical_date");
    Instant started = r.<Timestamp>getAs("started_at").toInstant();
    List<String> restored =
        present(r, has, "restored") ? r.getList(r.fieldIndex("restored")) : null;
    return new RunRecord(
        r.getAs("run_id"),
        date == null ? LocalDate.ofInstant(started, ZoneOffset.UTC) : date.toLocalDate(),
        started,
        r.<Timestamp>getAs("ended_at").toInstant(),
        RunStatus.of(r.getAs("status")),
        r.<Integer>getAs("exit_code"),
        r.getAs("message"),
        map(r, has, "files_read"),
        map(r, has, "rows_read"),
        map(r, has, "rows_silver"),
        map(r, has, "rows_quarantine"),
        r.getAs("reconciliation"),
        RunMode.of(has.contains("mode") ? r.getAs("mode") : null),
        restored,
        map(r, has, "delta_versions"),
        has.contains("fingerprint") ? r.getAs("fingerprint") : null);
  }

  private static Map<String, Long> map(Row r, List<String> has, String column) {
    return present(r, has, column) ? r.getJavaMap(r.fieldIndex(column)) : null;
  }

  private static boolean present(Row r, List<String> has, String column) {
    return has.contains(column) && !r.isNullAt(r.fieldIndex(column));
  }
}
