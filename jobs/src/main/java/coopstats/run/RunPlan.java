package coopstats.run;

import coopstats.contract.RunMode;
import coopstats.ops.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a run does once bronze has taken in the new files, decided from the last published run and
 * the tables' versions now. A pure decision: it reads nothing.
 */
final class RunPlan {
  /** What a run does to silver and gold. */
  enum Mode {
    /** Nothing new: no table is written. */
    NOOP,
    /** The bronze rows added since the last published run are merged into silver and gold. */
    INCREMENTAL,
    /** Silver and gold are computed again from all of bronze. */
    REBUILD
  }

  private RunPlan() {}

  /**
   * The run's mode.
   *
   * @param last the last published run, when its fingerprint is this run's (empty on a full
   *     refresh, on a first run, or after a change to {@code schemas/})
   * @param now the current version of every existing bronze, silver and gold table the run reads or
   *     writes, keyed {@code <layer>.<table>}
   * @param written the silver and gold tables the run writes, {@code <layer>.<table>}
   * @param feedStarted whether a source's file stream started afresh this run (its bronze rows then
   *     have no change feed from the last run)
   */
  static RunMode decide(
      Optional<RunRecord.Published> last,
      Map<String, Long> now,
      List<String> written,
      boolean feedStarted) {
    if (last.isEmpty()) {
      return RunMode.REBUILD;
    }
    Map<String, Long> published = last.get().deltaVersions();
    boolean unchanged =
        List.of("bronze", "silver", "gold").stream()
            .allMatch(layer -> ofLayer(now, layer).equals(ofLayer(published, layer)));
    if (unchanged) {
      return RunMode.NOOP;
    }
    return !feedStarted && restorable(published, now, written)
        ? RunMode.INCREMENTAL
        : RunMode.REBUILD;
  }

  /**
   * Whether every table the run writes can be brought back to the published versions: each existed
   * then and has not been replaced since (its version now is not below it).
   */
  static boolean restorable(
      Map<String, Long> published, Map<String, Long> now, List<String> written) {
    for (String table : written) {
      Long then = published.get(table);
      if (then == null || now.getOrDefault(table, -1L) < then) {
        return false;
      }
    }
    return true;
  }

  /** The versions of {@code layer}'s tables. */
  static Map<String, Long> ofLayer(Map<String, Long> versions, String layer) {
    Map<String, Long> out = new TreeMap<>();
    versions.forEach(
        (table, v) -> {
          if (table.startsWith(layer + ".")) {
            out.put(table, v);
          }
        });
    return out;
  }
}
