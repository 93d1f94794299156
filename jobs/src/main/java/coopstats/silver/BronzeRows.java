package coopstats.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import coopstats.contract.Lineage;
import coopstats.contract.SourceProfile;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What silver reads from bronze: a source's rows that silver is built from, the rows a source added
 * since a version, and the delivered text of given lines.
 */
final class BronzeRows {
  private static final String INSERT = "insert";

  private final Warehouse warehouse;
  private final Collection<SourceProfile> profiles;

  /** {@code profiles}: every source's, for the text of a kind's rows. */
  BronzeRows(Warehouse warehouse, Collection<SourceProfile> profiles) {
    this.warehouse = warehouse;
    this.profiles = profiles;
  }

  /** The bronze rows that silver is built from; for a snapshot source, its latest delivery. */
  Dataset<Row> active(SourceProfile p) {
    Dataset<Row> bronze = warehouse.read("bronze", p.source());
    if (!p.isSnapshot()) {
      return bronze;
    }
    Row latest = bronze.agg(max(Lineage.RUN_ID)).first();
    return bronze.filter(
        col(Lineage.RUN_ID).equalTo(latest.isNullAt(0) ? "" : latest.getString(0)));
  }

  /**
   * The bronze rows a source added after version {@code from} (null: the source was not in the
   * published run): Delta's change feed of the appended versions; for a snapshot source, its whole
   * latest delivery. Null when nothing is new.
   */
  Dataset<Row> addedSince(SourceProfile p, Long from) {
    long current = warehouse.version("bronze", p.source());
    if (from != null && from >= current) {
      return null;
    }
    if (p.isSnapshot() || from == null) {
      return active(p);
    }
    try {
      Dataset<Row> changes = warehouse.changes("bronze", p.source(), from + 1, current);
      // Planning reads the log of those versions, so a missing change feed shows here, before
      // any table is written.
      changes.queryExecution().executedPlan();
      return changes
          .filter(col("_change_type").equalTo(INSERT))
          .drop("_change_type", "_commit_version", "_commit_timestamp");
    } catch (RuntimeException e) {
      throw new SilverJob.IncrementalUnavailable(
          "bronze."
              + p.source()
              + " has no change feed for versions "
              + (from + 1)
              + " to "
              + current,
          e);
    }
  }

  /**
   * A line's text as bronze holds it, named by its file, sheet (null outside workbooks) and line,
   * or null when bronze has no such line. A file delivered again under its name has the line in
   * each delivery: the latest one's.
   */
  String lineText(String source, String file, String sheet, long line) {
    List<Row> found =
        warehouse
            .read("bronze", source)
            .where(
                col(Lineage.FILE)
                    .equalTo(file)
                    .and(col(Lineage.SHEET).eqNullSafe(lit(sheet)))
                    .and(col(Lineage.LINE).equalTo(line)))
            .orderBy(col(Lineage.INGESTED_AT).desc())
            .select(Lineage.RAW)
            .limit(1)
            .collectAsList();
    return found.isEmpty() ? null : found.get(0).getString(0);
  }

  /**
   * Quarantine rows of one kind with their delivered text (column {@code raw}) as bronze holds it,
   * found by source, file and line. {@code few} says the rows are few enough to broadcast.
   */
  Dataset<Row> withText(Dataset<Row> rows, String kind, boolean few) {
    // The runs that ingested the rows, per source: bronze files hold one run's rows, so Delta's
    // file statistics on _run_id skip every file of the other runs.
    Map<String, Set<String>> runs = new TreeMap<>();
    for (Row r : rows.select("source", "run_id").distinct().collectAsList()) {
      runs.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
    }
    List<Dataset<Row>> raws = new ArrayList<>();
    for (SourceProfile p : profiles) {
      if (p.kind().equals(kind) && runs.containsKey(p.source())) {
        raws.add(
            warehouse
                .read("bronze", p.source())
                .where(col(Lineage.RUN_ID).isin(runs.get(p.source()).toArray()))
                .select(
                    lit(p.source()).as("r_source"),
                    col(Lineage.FILE).as("r_file"),
                    col(Lineage.SHEET).as("r_sheet"),
                    col(Lineage.LINE).as("r_line"),
                    col(Lineage.RAW).as("r_raw")));
      }
    }
    if (raws.isEmpty()) {
      return rows;
    }
    Dataset<Row> raw = raws.stream().reduce(Dataset::unionByName).orElseThrow();
    // A row is named by its source, file, sheet (null outside workbooks) and line.
    Column sameLine =
        col("source")
            .equalTo(col("r_source"))
            .and(col("file").equalTo(col("r_file")))
            .and(col("sheet").eqNullSafe(col("r_sheet")))
            .and(col("line").equalTo(col("r_line")));
    Dataset<Row> wanted = rows.drop("raw");
    if (few) {
      // The rows are a night's corrections or a rebuild's displaced rows, the bronze side every
      // line of their runs. An outer join cannot broadcast the side it keeps, so the few lines'
      // text is first picked out of bronze by a semi join against their broadcast keys, and only
      // that text, as few rows, is joined back: bronze is read once and never shuffled.
      raw =
          broadcast(
              raw.join(
                  broadcast(wanted.select("source", "file", "sheet", "line")),
                  sameLine,
                  "left_semi"));
    }
    return wanted
        .join(raw, sameLine, "left")
        .withColumn("raw", col("r_raw"))
        .select(
            Stream.of(rows.columns())
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }
}
