package coopstats.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;

import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.spark.Warehouse;
import java.util.List;

/**
 * The files a run ingested that lack a required column, or workbooks that cannot be read, from the
 * sources whose profile says {@code on_missing_column: fail}: their rows are in quarantine, and the
 * run ends as partial.
 */
final class RejectedFiles {
  private RejectedFiles() {}

  /** One line per such file of run {@code runId}: the file, its rows and the reason. */
  static List<String> of(Warehouse warehouse, Schemas schemas, String runId) {
    Object[] fatal =
        schemas.profiles().values().stream()
            .filter(p -> p.onMissingColumnOrDefault() == SourceProfile.OnMissingColumn.FAIL)
            .map(SourceProfile::source)
            .toArray();
    if (fatal.length == 0) {
      return List.of();
    }
    return warehouse
        .read("silver", "quarantine")
        .where(
            col("rule")
                .isin("missing_column", "unreadable_file")
                .and(col("run_id").equalTo(runId))
                .and(col("source").isin(fatal)))
        .groupBy(col("file"))
        .agg(count("*"), first(col("reason")))
        .orderBy(col("file"))
        .collectAsList()
        .stream()
        .map(r -> r.getString(0) + " (" + r.getLong(1) + " rows): " + r.getString(2))
        .toList();
  }
}
