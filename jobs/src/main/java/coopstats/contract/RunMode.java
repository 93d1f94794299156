package coopstats.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a run brought silver and gold up to date, as {@code ops.runs.mode} records it in lower case.
 * Checked when {@code schemas/} loads: the schema file of ops.runs declares exactly these values.
 */
public enum RunMode {
  /** From all of bronze: the first run, --full-refresh, or a change to schemas/. */
  REBUILD,
  /** Only the bronze rows added since the last published run. */
  INCREMENTAL,
  /** Nothing new. */
  NOOP,
  /** coopstats maintain: OPTIMIZE and VACUUM; no row changed. */
  MAINTAIN;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a run log holds; null for null (a failed run, or a log from before modes). */
  public static RunMode of(String value) {
    return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
  }

  static List<String> allValues() {
    return Arrays.stream(values()).map(RunMode::value).toList();
  }
}
