package coopstats;

import coopstats.bronze.BronzeJob;
import coopstats.contract.LandingContract;
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
import coopstats.spark.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What a run did, for the summary and the caller. */
  public record Result(
      String runId,
      List<Reconciliation.FileCount> files,
      Map<String, Long> filesRead,
      Map<String, Long> rowsRead,
      String fingerprint,
      boolean noop) {
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

  /**
   * Runs the pipeline under the warehouse's lock. Without {@code fullRefresh}, a run that finds no
   * new bronze rows and no change in {@code schemas/} since the last published run publishes
   * nothing and is logged as a no-op.
   */
  public Result run(String landing, LocalDate logicalDate, boolean fullRefresh) {
    Instant started = Instant.now();
    String runId = RUN_ID.format(started) + "-" + UUID.randomUUID().toString().substring(0, 6);
    try (RunLock lock =
        RunLock.acquire(spark.sparkContext().hadoopConfiguration(), warehouse.root(), runId)) {
      try {
        Result result = execute(landing, runId, started, fullRefresh);
        log(result, logicalDate, started, result.noop() ? "noop" : "success", ExitCodes.OK, null);
        return result;
      } catch (RuntimeException e) {
        log(
            new Result(runId, List.of(), Map.of(), Map.of(), null, false),
            logicalDate,
            started,
            "failed",
            ExitCodes.of(e),
            e.getMessage());
        throw e;
      }
    }
  }

  private Result execute(String landing, String runId, Instant now, boolean fullRefresh) {
    LOG.info("run {}: landing {} -> warehouse {}", runId, landing, warehouse.root());
    BronzeJob bronze = new BronzeJob(spark, warehouse, schemas);
    List<SourceProfile> sources = bronze.sources(landing);
    RefData ref = RefData.load(schemas.dir().resolve("ref"));
    String fingerprint = Fingerprint.of(schemas.dir(), GoldJob.sqlTexts());
    Optional<RunRecord.Published> last =
        fullRefresh
            ? Optional.empty()
            : new RunLog(spark, warehouse, schemas)
                .lastPublished()
                .filter(p -> p.fingerprint().equals(fingerprint));
    if (last.isEmpty() || !refTablesExist()) {
      new RefJob(spark, warehouse, schemas).write(ref);
      LOG.info(
          "stage ref: {} countries, {} aliases, {} FX rates",
          ref.countries().size(),
          ref.aliases().size(),
          ref.fxRates().size());
    } else {
      LOG.info("stage ref: schemas/ unchanged since the last run; ref.* kept");
    }

    Map<String, Long> filesRead = new TreeMap<>();
    Map<String, Long> rowsRead = new TreeMap<>();
    for (SourceProfile source : sources) {
      LOG.info("stage bronze: source {} ({})", source.source(), source.kind());
      BronzeJob.Ingested read = bronze.ingest(landing, source, runId, Timestamp.from(now));
      filesRead.put(source.source(), read.files());
      rowsRead.put(source.source(), read.rows());
    }

    if (last.isPresent() && bronzeVersions().equals(bronzeVersions(last.get()))) {
      LOG.info("nothing new: no new landing rows and no change to schemas/; no table changed");
      return new Result(runId, List.of(), filesRead, rowsRead, fingerprint, true);
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
          "reconcile {}: delivered {} = silver {} + quarantine {} + superseded {}",
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
    return new Result(runId, files, filesRead, rowsRead, fingerprint, false);
  }

  private boolean refTablesExist() {
    return schemas.tables().stream()
        .filter(t -> t.layer().equals("ref"))
        .allMatch(t -> warehouse.exists("ref", t.name()));
  }

  private Map<String, Long> bronzeVersions() {
    Map<String, Long> versions = new TreeMap<>();
    for (String source : schemas.profiles().keySet()) {
      long v = warehouse.version("bronze", source);
      if (v >= 0) {
        versions.put("bronze." + source, v);
      }
    }
    return versions;
  }

  private static Map<String, Long> bronzeVersions(RunRecord.Published p) {
    Map<String, Long> versions = new TreeMap<>();
    p.deltaVersions()
        .forEach(
            (table, v) -> {
              if (table.startsWith("bronze.")) {
                versions.put(table, v);
              }
            });
    return versions;
  }

  /** Leaves the run's row in ops.runs; a failure to do so is logged, never hides the run's own. */
  private void log(
      Result r,
      LocalDate logicalDate,
      Instant started,
      String status,
      int exitCode,
      String message) {
    try {
      Map<String, Long> silver = new TreeMap<>();
      Map<String, Long> quarantine = new TreeMap<>();
      String reconciliation = r.files().isEmpty() ? null : "balanced";
      for (Reconciliation.FileCount f : r.files()) {
        String kind = schemas.profiles().get(f.source()).kind();
        silver.merge(kind, f.silver(), Long::sum);
        quarantine.merge(kind, f.quarantined(), Long::sum);
        if (!f.balanced() && "balanced".equals(reconciliation)) {
          reconciliation = "mismatch in " + f.file();
        }
      }
      RunLog runLog = new RunLog(spark, warehouse, schemas);
      runLog.record(
          new RunRecord(
              r.runId(),
              logicalDate,
              started,
              Instant.now(),
              status,
              exitCode,
              message,
              r.filesRead(),
              r.rowsRead(),
              silver,
              quarantine,
              reconciliation,
              versions(),
              r.fingerprint()));
      if (status.equals("success")) {
        runLog.quality(r.runId());
      }
    } catch (RuntimeException e) {
      LOG.warn("could not write ops.runs for run {}: {}", r.runId(), e.toString());
    }
  }

  private Map<String, Long> versions() {
    Map<String, Long> versions = new TreeMap<>();
    for (String name : warehouse.registerAll()) {
      if (!name.startsWith("ops.")) {
        String[] lt = name.split("\\.");
        versions.put(name, warehouse.version(lt[0], lt[1]));
      }
    }
    return versions;
  }
}
