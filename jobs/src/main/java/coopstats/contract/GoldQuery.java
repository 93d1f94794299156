package coopstats.contract;

import java.nio.file.Path;
import java.util.List;

/**
 * A gold table's SQL file, {@code <table>.sql} beside its schema file, with the tables it reads.
 *
 * @param table the gold table it computes, {@code gold.<name>}
 * @param file the SQL file
 * @param sql the query, as written
 * @param inputs the tables the query reads, {@code <layer>.<table>}, sorted
 */
public record GoldQuery(String table, Path file, String sql, List<String> inputs) {
  /** What a gold table is, from what its SQL reads. */
  public enum Kind {
    /**
     * Reads one silver table and nothing else, and sums it per key. Every column but the key adds
     * up, so a run keeps it current from the rows a merge added and removed.
     */
    SUMS,
    /** Reads sums tables and ref only; computed after every sums table is published. */
    STATISTIC
  }

  public String name() {
    return table.substring(table.indexOf('.') + 1);
  }

  public Kind kind() {
    return inputs.stream().anyMatch(t -> t.startsWith("silver.")) ? Kind.SUMS : Kind.STATISTIC;
  }

  /** The one silver table a sums table reads, {@code silver.<name>}. */
  public String silverInput() {
    if (kind() != Kind.SUMS) {
      throw new IllegalStateException(table + " reads no silver table");
    }
    return inputs.get(0);
  }
}
