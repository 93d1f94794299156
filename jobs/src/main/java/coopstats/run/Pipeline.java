package coopstats.run;

import coopstats.CoopstatsException;
import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.Redact;
import coopstats.bronze.BronzeJob;
import coopstats.contract.RunMode;
import coopstats.contract.RunStatus;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.gold.GoldJob;
import coopstats.ops.Fingerprint;
import coopstats.ops.RunLock;
import coopstats.ops.RunLog;
import coopstats.ops.RunRecord;
import coopstats.ref.RefData;
import coopstats.ref.RefJob;
import coopstats.silver.Reconciliation;
import coopstats.silver.SilverJob;
import coopstats.spark.InputSize;
import coopstats.spark.Parallel;
import coopstats.spark.RunCommits;
import coopstats.spark.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: reference data, landing to bronze, bronze to silver (reconciled), silver to gold. It
 * holds the warehouse's lock throughout and leaves one row in {@code ops.runs}, success or not.
 * What the run does once bronze is in is {@link RunPlan}'s decision; the versions it publishes and
 * puts back are {@link Publication}'s.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Schemas schemas;
  private final Publication publication;

  public Pipeline(SparkSession spark, Warehouse warehouse, Schemas schemas) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.schemas = schemas;
    this.publication = new Publication(warehouse, schemas);
  }

  /**
   * Runs the pipeline under the warehouse's lock. Without {@code fullRefresh}, a run that finds no
   * new bronze rows and no change in {@code schemas/} since the last published run publishes
   * nothing and is logged as a no-op. Files in {@code dt=YYYY-MM-DD} folders dated after {@code
   * logicalDate} (today, UTC, when it is null) are left for their own run.
   */
  public RunResult run(String landing, LocalDate logicalDate, boolean fullRefresh) {
    Instant started = Instant.now();
    String runId = RunRecord.id(started, UUID.randomUUID().toString().substring(0, 6));
    // The run's logical date is recorded as the run used it: --date, or the UTC day it started.
    LocalDate until =
        logicalDate != null ? logicalDate : LocalDate.ofInstant(started, ZoneOffset.UTC);
    RunRecorder recorder = new RunRecorder(warehouse, schemas, publication);
    try (RunLock lock =
            RunLock.acquire(spark.sparkContext().hadoopConfiguration(), warehouse.root(), runId);
        RunCommits tagged = RunCommits.tag(spark, runId)) {
      try {
        RunResult result = execute(landing, runId, started, until, fullRefresh);
        if (!result.rejected().isEmpty()) {
          CoopstatsException e = Errors.filesRejected(result.rejected());
          recorder.record(result, until, started, RunStatus.PARTIAL, e.exitCode(), e.getMessage());
          return result;
        }
        RunStatus status = result.noop() ? RunStatus.NOOP : RunStatus.SUCCESS;
        recorder.record(result, until, started, status, ExitCodes.OK, null);
        return result;
      } catch (RuntimeException e) {
        recorder.record(
            RunResult.failed(runId),
            until,
            started,
            RunStatus.FAILED,
            ExitCodes.of(e),
            Redact.userInfo(e.getMessage()));
        throw e;
      }
    }
  }

  private RunResult execute(
      String landing, String runId, Instant now, LocalDate until, boolean fullRefresh) {
    LOG.info(
        "run {}: landing {} -> warehouse {}",
        runId,
        Redact.userInfo(landing),
        Redact.userInfo(warehouse.root()));
    BronzeJob bronze = new BronzeJob(spark, warehouse, schemas);
    List<SourceProfile> sources = bronze.sources(landing);
    InputSize.tune(spark, InputSize.of(spark, List.of(landing, warehouse.root() + "/bronze")));
    RefData ref = RefData.load(schemas);
    // Before any stage: a bad setting of silver's stops the run before bronze takes anything in.
    SilverJob silver =
        new SilverJob(spark, warehouse, schemas, ref, GoldJob.columnsRead(spark, schemas));
    String fingerprint = Fingerprint.of(schemas.dir());
    Optional<RunRecord.Published> last =
        fullRefresh ? Optional.empty() : lastPublished(fingerprint);
    Map<String, BronzeJob.Ingested> ingested = new TreeMap<>();
    boolean feedStarted = false;
    for (Map.Entry<SourceProfile, BronzeJob.Ingested> read :
        ingest(bronze, sources, ref, last.isEmpty(), landing, runId, now, until).entrySet()) {
      ingested.put(read.getKey().source(), read.getValue());
      feedStarted |= read.getValue().feedStarted();
    }
    RunMode mode = RunPlan.decide(last, publication.versions(), publication.written(), feedStarted);
    if (mode == RunMode.NOOP) {
      LOG.info("nothing new: no new landing rows and no change to schemas/; no table changed");
      return new RunResult(
          runId, List.of(), ingested, fingerprint, RunMode.NOOP, List.of(), Map.of(), List.of());
    }
    List<String> restored =
        mode == RunMode.INCREMENTAL
            ? publication.restoreUnpublished(last.get().deltaVersions())
            : List.of();
    // After the restore: a table property this brings in line must not be restored away. Before
    // the versions are taken: a table the run creates must have a version to be put back to.
    Parallel.forEach(publication.written(), table -> warehouse.ensure(schemas.table(table)));
    Map<String, Long> before = publication.versions(publication.written());
    SilverJob.Changes changes;
    try {
      changes = silverAndGold(silver, mode == RunMode.INCREMENTAL ? last.get() : null);
    } catch (CoopstatsException e) {
      publication.putBack(before);
      throw e;
    }
    LOG.info("run {} done", runId);
    return new RunResult(
        runId,
        changes.files(),
        ingested,
        fingerprint,
        changes.rebuilt() ? RunMode.REBUILD : RunMode.INCREMENTAL,
        restored,
        changes.warnings(),
        RejectedFiles.of(warehouse, schemas, runId));
  }

  /** The last published run, when it ran with the same {@code schemas/} as this one. */
  private Optional<RunRecord.Published> lastPublished(String fingerprint) {
    return new RunLog(warehouse, schemas)
        .lastPublished()
        .filter(p -> p.fingerprint().equals(fingerprint));
  }

  /**
   * The reference tables (when {@code writeRef}, or when one is missing) and every source's new
   * files into bronze, side by side: bronze reads no reference table, and silver reads them only
   * after every source is in. Sources are independent too (a table and a checkpoint each).
   */
  private Map<SourceProfile, BronzeJob.Ingested> ingest(
      BronzeJob bronze,
      List<SourceProfile> sources,
      RefData ref,
      boolean writeRef,
      String landing,
      String runId,
      Instant now,
      LocalDate until) {
    boolean write = writeRef || !refTablesExist();
    return Parallel.alongside(
        () -> refStage(ref, write),
        () ->
            Parallel.map(
                sources,
                source -> {
                  LOG.info("stage bronze: source {} ({})", source.source(), source.kind());
                  return bronze.ingest(landing, source, runId, Timestamp.from(now), until);
                }));
  }

  private void refStage(RefData ref, boolean write) {
    if (write) {
      new RefJob(warehouse, schemas).write(ref);
      LOG.info(
          "stage ref: {} countries, {} aliases, {} FX rates",
          ref.countries().size(),
          ref.aliases().size(),
          ref.fxRates().size());
    } else {
      LOG.info("stage ref: schemas/ unchanged since the last run; ref.* kept");
      // Kept, but this session's catalog must still know them for the rules and gold's SQL.
      refTables().forEach(t -> warehouse.register("ref", t));
    }
  }

  private boolean refTablesExist() {
    return refTables().stream().allMatch(t -> warehouse.exists("ref", t));
  }

  private List<String> refTables() {
    return schemas.tables().stream()
        .filter(t -> t.layer().equals("ref"))
        .map(t -> t.name())
        .toList();
  }

  /**
   * Silver from the bronze rows added since {@code last} (null: from all of bronze, as also when
   * bronze has no change feed for them), reconciled, then gold from silver's changes.
   */
  private SilverJob.Changes silverAndGold(SilverJob silver, RunRecord.Published last) {
    SilverJob.Changes changes = null;
    if (last != null) {
      LOG.info("stage silver: applying the bronze rows added since the last published run");
      try {
        changes = silver.update(schemas.profiles(), last.deltaVersions());
      } catch (SilverJob.IncrementalUnavailable e) {
        LOG.info("stage silver: {}; rebuilding from bronze", e.getMessage());
      }
    }
    if (changes == null) {
      LOG.info("stage silver: rebuilding from bronze");
      changes = silver.rebuild(schemas.profiles());
    }
    for (Reconciliation.FileCount f : changes.files()) {
      LOG.info(
          "reconcile {}: delivered {} = silver {} + quarantine {}",
          f.file(),
          f.delivered(),
          f.silver(),
          f.quarantined());
      if (!f.balanced()) {
        throw Errors.reconciliationFailed(f.file() + ": " + f);
      }
    }
    GoldJob gold = new GoldJob(spark, warehouse, schemas);
    if (changes.rebuilt()) {
      LOG.info("stage gold: computing yearly statistics");
      gold.build();
    } else {
      LOG.info("stage gold: recomputing the years that changed");
      gold.update(changes.merged());
    }
    return changes;
  }
}
