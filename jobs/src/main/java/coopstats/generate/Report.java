package coopstats.generate;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation wrote: files and rows per source, and the damaged rows by the quarantine rule
 * that must catch them, so that a run's quarantine can be checked against it exactly.
 */
public final class Report {
  private final Map<String, long[]> filesAndRows = new TreeMap<>();
  private final Map<String, Map<String, Long>> damaged = new TreeMap<>();

  void file(String source) {
    filesAndRows.computeIfAbsent(source, k -> new long[2])[0]++;
  }

  void row(String source) {
    filesAndRows.computeIfAbsent(source, k -> new long[2])[1]++;
  }

  void damaged(String source, String rule) {
    damaged.computeIfAbsent(source, k -> new TreeMap<>()).merge(rule, 1L, Long::sum);
  }

  /** Rows written per source. */
  public long rows(String source) {
    long[] fr = filesAndRows.get(source);
    return fr == null ? 0 : fr[1];
  }

  /** Damaged rows of a source by rule, for example {@code invalid_number -> 12}. */
  public Map<String, Long> damaged(String source) {
    return damaged.getOrDefault(source, Map.of());
  }

  public void print(PrintWriter out) {
    out.println("source\tfiles\trows\tdamaged rows by expected quarantine rule");
    filesAndRows.forEach(
        (source, fr) -> out.println(source + "\t" + fr[0] + "\t" + fr[1] + "\t" + damaged(source)));
    out.flush();
  }
}
