package coopstats.ops;

import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.delta.DeltaConfig;
import org.apache.spark.sql.delta.DeltaConfigs$;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.unsafe.types.CalendarInterval;

/**
 * How long a table keeps what it no longer needs, as Delta reads its table properties. VACUUM obeys
 * {@code delta.deletedFileRetentionDuration} alone: Delta 4.4 ignores the hours given to VACUUM
 * itself unless they are 0 ({@code spark.databricks.delta.vacuum.retentionWindowIgnore}, an
 * internal setting) and says to set this property instead. Delta also refuses a file retention
 * longer than the table's log retention ({@code delta.logRetentionDuration}, 30 days by default).
 */
final class Retention {
  /** The table property VACUUM deletes removed and stray files by. */
  static final String FILES = "delta.deletedFileRetentionDuration";

  private Retention() {}

  /** The property's value for {@code hours}. */
  static String interval(long hours) {
    return "interval " + hours + " hours";
  }

  /** The table's file retention, Delta's default of one week when the property is unset. */
  static long filesMillis(Metadata metadata) {
    return millis(DeltaConfigs$.MODULE$.TOMBSTONE_RETENTION(), metadata);
  }

  /** The table's log retention, Delta's default of 30 days when the property is unset. */
  static long logMillis(Metadata metadata) {
    return millis(DeltaConfigs$.MODULE$.LOG_RETENTION(), metadata);
  }

  /** Whole hours, rounded down: the longest --retain-hours the log allows. */
  static long hours(long millis) {
    return TimeUnit.MILLISECONDS.toHours(millis);
  }

  private static long millis(DeltaConfig<CalendarInterval> config, Metadata metadata) {
    return DeltaConfigs$.MODULE$.getMilliSeconds(config.fromMetaData(metadata));
  }
}
