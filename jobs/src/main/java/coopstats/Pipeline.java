package coopstats;

import coopstats.bronze.BronzeJob;
import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.gold.GoldJob;
import coopstats.ref.RefData;
import coopstats.ref.RefJob;
import coopstats.silver.Reconciliation;
import coopstats.silver.SilverJob;
import coopstats.spark.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run: reference data, landing to bronze, bronze to silver (reconciled), silver to gold. */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What a run did, for the summary and the caller. */
  public record Result(String runId, List<Reconciliation.FileCount> files) {
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

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;

  public Pipeline(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  public Result run(String landing) {
    Instant now = Instant.now();
    String runId = RUN_ID.format(now) + "-" + UUID.randomUUID().toString().substring(0, 6);
    LOG.info("run {}: landing {} -> warehouse {}", runId, landing, warehouse.root());
    BronzeJob bronze = new BronzeJob(spark, warehouse, schemas);
    List<SourceProfile> sources = bronze.sources(landing);
    RefData ref = RefData.load(schemas.dir().resolve("ref"));
    new RefJob(spark, warehouse, schemas).write(ref);
    LOG.info(
        "stage ref: {} countries, {} aliases, {} FX rates",
        ref.countries().size(),
        ref.aliases().size(),
        ref.fxRates().size());

    for (SourceProfile source : sources) {
      LOG.info("stage bronze: source {} ({})", source.source(), source.kind());
      bronze.ingest(landing, source, runId, Timestamp.from(now));
    }

    for (LandingContract c : schemas.contracts().values()) {
      warehouse.ensure(schemas.table(c.silverTable()));
    }
    warehouse.ensure(schemas.table("silver.quarantine"));
    LOG.info("stage silver: parsing and normalising");
    List<Reconciliation.FileCount> files =
        new SilverJob(spark, warehouse, schemas, ref).build(schemas.profiles());
    for (Reconciliation.FileCount f : files) {
      LOG.info(
          "reconcile {}/{}: delivered {} = silver {} + quarantine {} + superseded {}",
          f.source(),
          f.file(),
          f.delivered(),
          f.silver(),
          f.quarantined(),
          f.superseded());
      if (!f.balanced()) {
        throw Errors.reconciliationFailed(f.file() + ": " + f);
      }
    }
    LOG.info("stage gold: computing yearly statistics");
    new GoldJob(spark, warehouse, schemas).build();
    LOG.info("run {} done", runId);
    return new Result(runId, files);
  }
}
