package coopstats.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import coopstats.contract.Lineage;
import coopstats.contract.TableSchema;
import coopstats.spark.MergedRows;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A night's write of one kind: one MERGE of its kept rows into the silver table, with the rows the
 * merge removes read first, so that gold can subtract them and quarantine can name what replaced
 * them.
 */
final class NightlyMerge {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyMerge.class);

  private final Warehouse warehouse;
  private final SilverWrites writes;
  private final BronzeRows bronze;
  private final Function<TableSchema, Set<String>> downstream;
  private final long broadcastKeys;
  private final TableSchema quarantine;

  NightlyMerge(
      Warehouse warehouse,
      SilverWrites writes,
      BronzeRows bronze,
      Function<TableSchema, Set<String>> downstream,
      long broadcastKeys,
      TableSchema quarantine) {
    this.quarantine = quarantine;
    this.warehouse = warehouse;
    this.writes = writes;
    this.bronze = bronze;
    this.downstream = downstream;
    this.broadcastKeys = broadcastKeys;
  }

  /**
   * Merges the batch; returns the rows the merge added and removed, and {@code quarantined} (the
   * batch's own rows for quarantine) with the silver rows it superseded.
   */
  Batch.Written merge(Batch b, List<Dataset<Row>> quarantined) {
    TableSchema silver = b.silver();
    Dataset<Row> kept = b.kept();
    Set<String> replacedSources = b.replaced();
    if (replacedSources.isEmpty() && kept.isEmpty()) {
      LOG.info("{}: unchanged", silver.table());
      return new Batch.Written(null, quarantined, Set.of());
    }
    Column isReplaced = col("source").isin(replacedSources.toArray());
    // What the MERGE will remove, read before it runs from the version it starts from: the rows
    // whose key the batch delivers again, and a replaced snapshot source's rows. Only the columns
    // quarantine and gold's sums need are read.
    Dataset<Row> target =
        warehouse
            .read("silver", silver.name(), warehouse.version("silver", silver.name()))
            .select(removedColumns(silver));
    Dataset<Row> matched =
        Ranking.withSupersedingRow(target.filter(not(isReplaced)), kept, silver.key());
    Dataset<Row> removed =
        replacedSources.isEmpty()
            ? matched
            : matched.unionByName(
                target.filter(isReplaced).withColumn("reason", lit(null).cast("string")));
    removed = removed.localCheckpoint();
    Dataset<Row> added = kept.localCheckpoint();
    writes.merge(kept, silver, replacedSources);
    List<Dataset<Row>> all = new ArrayList<>(quarantined);
    // A row of a replaced snapshot source is not superseded: its release is, with its rows.
    Dataset<Row> superseded = removed.filter(col("reason").isNotNull());
    // Most nights replace nothing; only then is bronze read for the replaced rows' text.
    long supersededCount = superseded.count();
    if (supersededCount > 0) {
      all.add(
          bronze.withText(
              QuarantineRows.fromSuperseded(superseded, b.kind(), quarantine),
              b.kind(),
              supersededCount <= broadcastKeys));
    }
    LOG.info("{}: merged", silver.table());
    return new Batch.Written(new MergedRows(added, removed.drop("reason")), all, replacedSources);
  }

  /**
   * The columns of a silver table that a run reads from the rows it replaces: the key, the lineage
   * quarantine needs, and what gold's sums read.
   */
  private Column[] removedColumns(TableSchema silver) {
    Set<String> wanted = new TreeSet<>(silver.key());
    wanted.addAll(
        List.of(
            "source", "series", Lineage.FILE, Lineage.SHEET, Lineage.LINE, Lineage.RUN_ID, "year"));
    wanted.addAll(downstream.apply(silver));
    return silver.columnNames().stream()
        .filter(wanted::contains)
        .map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }
}
