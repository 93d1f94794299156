package coopstats.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a run ended, as {@code ops.runs.status} records it in lower case. Checked when {@code
 * schemas/} loads: the schema file of ops.runs declares exactly these values.
 */
public enum RunStatus {
  /** Published. */
  SUCCESS,
  /** Published, but a file of a source whose profile says on_missing_column: fail was refused. */
  PARTIAL,
  /** Nothing new: no table changed. */
  NOOP,
  /** Nothing published. */
  FAILED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a run log holds; null for null. */
  public static RunStatus of(String value) {
    return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
  }

  static List<String> allValues() {
    return Arrays.stream(values()).map(RunStatus::value).toList();
  }
}
