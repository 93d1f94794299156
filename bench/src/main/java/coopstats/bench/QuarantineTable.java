package coopstats.bench;

import static coopstats.bench.Sql.lit;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows every kind's rules rejected, as {@code silver/quarantine.parquet}. They carry their rule
 * but not the delivered text or the reason, which the gold comparison does not need.
 */
final class QuarantineTable {
  private QuarantineTable() {}

  /** Writes the table; returns its row count per rule, as {@code rule=n, ...}. */
  static String write(DuckDb db, List<String> kinds, Path out) throws SQLException {
    String quarantine =
        kinds.stream()
            .map(
                k ->
                    "SELECT series, source, "
                        + lit(k)
                        + " AS kind, _file AS file, CAST(NULL AS VARCHAR) AS sheet, _line AS line,"
                        + " CAST(NULL AS VARCHAR) AS raw,"
                        + " q_rule AS rule, CAST(NULL AS VARCHAR) AS reason, _run_id AS run_id FROM"
                        + " checked_"
                        + k
                        + " WHERE q_rule IS NOT NULL")
            .collect(Collectors.joining(" UNION ALL "));
    db.copyToParquet(quarantine, out.resolve("silver/quarantine.parquet"));
    return db
        .counts("SELECT rule, count(*) FROM (" + quarantine + ") GROUP BY rule ORDER BY rule")
        .entrySet()
        .stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
