package coopstats.run;

import coopstats.bronze.BronzeJob;
import coopstats.contract.RunMode;
import coopstats.silver.Reconciliation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a run did, for the summary and the caller. */
public record RunResult(
    String runId,
    List<Reconciliation.FileCount> files,
    Map<String, BronzeJob.Ingested> ingested,
    String fingerprint,
    RunMode mode,
    List<String> restored,
    Map<String, Map<String, Long>> warnings,
    List<String> rejected) {

  /** A run that failed before it could say what it did. */
  static RunResult failed(String runId) {
    return new RunResult(runId, List.of(), Map.of(), null, null, List.of(), Map.of(), List.of());
  }

  /** New files read, per source. */
  public Map<String, Long> filesRead() {
    Map<String, Long> m = new TreeMap<>();
    ingested.forEach((source, read) -> m.put(source, read.files()));
    return m;
  }

  /** New rows read, per source. */
  public Map<String, Long> rowsRead() {
    Map<String, Long> m = new TreeMap<>();
    ingested.forEach((source, read) -> m.put(source, read.rows()));
    return m;
  }

  /** Per new file, the columns its profile does not map, kept in bronze's {@code _rescued}. */
  public Map<String, List<String>> extraColumns() {
    Map<String, List<String>> m = new TreeMap<>();
    ingested.values().forEach(read -> m.putAll(read.extraColumns()));
    return m;
  }

  /**
   * The files read again because they were delivered again under a name read before, with other
   * content; relative to the landing folder.
   */
  public List<String> redelivered() {
    return ingested.values().stream()
        .flatMap(read -> read.redelivered().stream())
        .sorted()
        .toList();
  }

  public boolean noop() {
    return mode == RunMode.NOOP;
  }

  public long delivered() {
    return files.stream().mapToLong(Reconciliation.FileCount::delivered).sum();
  }

  public long quarantined() {
    return files.stream().mapToLong(Reconciliation.FileCount::quarantined).sum();
  }

  public long silver() {
    return files.stream().mapToLong(Reconciliation.FileCount::silver).sum();
  }
}
