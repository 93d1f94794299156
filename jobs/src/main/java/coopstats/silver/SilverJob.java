package coopstats.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bronze to silver: parses every active bronze row of each kind, keeps the last delivery of each
 * record key, and writes {@code silver.<kind>} and {@code silver.quarantine}. Active means every
 * delivery of an incremental source, and only the latest delivery of a snapshot source.
 */
public final class SilverJob {
  private static final Logger LOG = LoggerFactory.getLogger(SilverJob.class);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;
  private final RefData ref;

  public SilverJob(SparkSession spark, Warehouse warehouse, Schemas schemas, RefData ref) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
    this.ref = ref;
  }

  /** Rebuilds silver from bronze; returns the per-file accounting of the rows. */
  public List<Reconciliation.FileCount> build(Map<String, SourceProfile> sources) {
    List<Dataset<Row>> quarantined = new ArrayList<>();
    List<Dataset<Row>> accounting = new ArrayList<>();
    List<Dataset<Row>> persisted = new ArrayList<>();
    for (LandingContract contract : schemas.contracts().values()) {
      TableSchema silver = schemas.table(contract.silverTable());
      Dataset<Row> parsed = parseKind(contract, silver, sources);
      if (parsed == null) {
        continue;
      }
      parsed.persist(StorageLevel.MEMORY_AND_DISK());
      persisted.add(parsed);
      Dataset<Row> valid = withStatus(parsed.filter(col("q_rule").isNull()), silver);
      valid.persist(StorageLevel.MEMORY_AND_DISK());
      persisted.add(valid);
      warehouse.overwrite(valid.filter(col("q_status").equalTo("kept")), silver);
      LOG.info("{}: written", silver.table());
      quarantined.add(quarantineRows(parsed.filter(col("q_rule").isNotNull()), contract.kind()));
      quarantined.add(
          quarantineRows(
              duplicates(valid.filter(col("q_status").equalTo("duplicate"))), contract.kind()));
      accounting.add(
          valid
              .filter(col("q_status").equalTo("superseded"))
              .groupBy(col("q_source"), col("q_file"))
              .count());
    }
    TableSchema quarantine = schemas.table("silver.quarantine");
    Dataset<Row> allQuarantined = quarantined.stream().reduce(Dataset::unionByName).orElse(null);
    if (allQuarantined != null) {
      warehouse.overwrite(allQuarantined, quarantine);
    }
    List<Reconciliation.FileCount> counts =
        new Reconciliation(spark, warehouse, schemas).count(sources, superseded(accounting));
    persisted.forEach(Dataset::unpersist);
    return counts;
  }

  private Dataset<Row> parseKind(
      LandingContract contract, TableSchema silver, Map<String, SourceProfile> sources) {
    RowParser parser = new RowParser(silver, ref);
    Dataset<Row> union = null;
    for (SourceProfile p : sources.values()) {
      if (!p.kind().equals(contract.kind()) || !warehouse.exists("bronze", p.source())) {
        continue;
      }
      Dataset<Row> parsed =
          activeBronze(spark, warehouse, p)
              .map(new SilverParse(parser, p, silver), Encoders.row(SilverParse.schema(silver)));
      union = union == null ? parsed : union.unionByName(parsed);
    }
    return union;
  }

  /** The bronze rows that silver is built from; for a snapshot source, its latest delivery. */
  static Dataset<Row> activeBronze(SparkSession spark, Warehouse warehouse, SourceProfile p) {
    Dataset<Row> bronze = spark.read().format("delta").load(warehouse.path("bronze", p.source()));
    if (!p.isSnapshot()) {
      return bronze;
    }
    Row latest = bronze.agg(max("_run_id")).first();
    return bronze.filter(col("_run_id").equalTo(latest.isNullAt(0) ? "" : latest.getString(0)));
  }

  /**
   * Marks each valid row kept (the last line of its key), duplicate (an earlier line of the key in
   * the same delivery) or superseded (replaced by a later delivery).
   */
  private Dataset<Row> withStatus(Dataset<Row> valid, TableSchema silver) {
    WindowSpec byKey =
        Window.partitionBy(keyColumns(silver))
            .orderBy(col("_ingested_at").desc(), col("_file").desc(), col("_line").desc());
    return valid
        .withColumn("q_rank", row_number().over(byKey))
        .withColumn("q_winner_run", first("_run_id").over(byKey))
        .withColumn("q_winner_file", first("_file").over(byKey))
        .withColumn("q_winner_line", first("_line").over(byKey))
        .withColumn(
            "q_status",
            when(col("q_rank").equalTo(1), "kept")
                .when(col("_run_id").equalTo(col("q_winner_run")), "duplicate")
                .otherwise("superseded"));
  }

  private Column[] keyColumns(TableSchema silver) {
    return silver.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  private static Dataset<Row> duplicates(Dataset<Row> losers) {
    return losers
        .withColumn("q_rule", lit("duplicate_key"))
        .withColumn(
            "q_reason",
            format_string(
                "the record key is delivered again in %s line %d; the last line wins",
                col("q_winner_file"), col("q_winner_line")));
  }

  private static Dataset<Row> quarantineRows(Dataset<Row> rejected, String kind) {
    return rejected.select(
        col("q_source").as("source"),
        lit(kind).as("kind"),
        col("q_file").as("file"),
        col("q_line").as("line"),
        col("q_raw").as("raw"),
        col("q_rule").as("rule"),
        col("q_reason").as("reason"),
        col("q_run_id").as("run_id"));
  }

  private static Dataset<Row> superseded(List<Dataset<Row>> counts) {
    return counts.stream().reduce(Dataset::unionByName).orElse(null);
  }
}
