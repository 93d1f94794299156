package coopstats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;

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
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: reference data, landing to bronze, bronze to silver (reconciled), silver to gold. It
 * holds the warehouse's lock throughout and leaves one row in {@code ops.runs}, success or not.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** What a run did, for the summary and the caller. */
  public record Result(
      String runId,
      List<Reconciliation.FileCount> files,
      Map<String, BronzeJob.Ingested> ingested,
      String fingerprint,
      RunMode mode,
      List<String> restored,
      Map<String, Map<String, Long>> warnings,
      List<String> rejected) {
    /** New files read, per source. */
    public Map<String, Long> filesRead() {
      Map<String, Long> m = new TreeMap<>();
      ingested.forEach((source, read) -> m.put(source, read.files()));
      return m;
    }

    /** New rows read, per source. */
    public Map<String, Long> rowsRead() {
      Map<String, Long> m = new TreeMap<>();
      ingested.forEach((source, read) -> m.put(source, read.rows()));
      return m;
    }

    /** Per new file, the columns its profile does not map, kept in bronze's {@code _rescued}. */
    public Map<String, List<String>> extraColumns() {
      Map<String, List<String>> m = new TreeMap<>();
      ingested.values().forEach(read -> m.putAll(read.extraColumns()));
      return m;
    }

    public boolean noop() {
      return mode == RunMode.NOOP;
    }

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
   * nothing and is logged as a no-op. Files in {@code dt=YYYY-MM-DD} folders dated after {@code
   * logicalDate} (today, UTC, when it is null) are left for their own run.
   */
  public Result run(String landing, LocalDate logicalDate, boolean fullRefresh) {
    Instant started = Instant.now();
    String runId = RunRecord.id(started, UUID.randomUUID().toString().substring(0, 6));
    try (RunLock lock =
        RunLock.acquire(spark.sparkContext().hadoopConfiguration(), warehouse.root(), runId)) {
      try {
        LocalDate until =
            logicalDate != null ? logicalDate : LocalDate.ofInstant(started, ZoneOffset.UTC);
        Result result = execute(landing, runId, started, until, fullRefresh);
        if (!result.rejected().isEmpty()) {
          CoopstatsException e = Errors.filesRejected(result.rejected());
          log(result, logicalDate, started, RunStatus.PARTIAL, e.exitCode(), e.getMessage());
          return result;
        }
        log(
            result,
            logicalDate,
            started,
            result.noop() ? RunStatus.NOOP : RunStatus.SUCCESS,
            ExitCodes.OK,
            null);
        return result;
      } catch (RuntimeException e) {
        log(
            new Result(runId, List.of(), Map.of(), null, null, List.of(), Map.of(), List.of()),
            logicalDate,
            started,
            RunStatus.FAILED,
            ExitCodes.of(e),
            Redact.userInfo(e.getMessage()));
        throw e;
      }
    }
  }

  private Result execute(
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
    SilverJob silver = new SilverJob(spark, warehouse, schemas, ref, GoldJob::columnsRead);
    String fingerprint = Fingerprint.of(schemas.dir(), GoldJob.sqlTexts());
    Optional<RunRecord.Published> last =
        fullRefresh
            ? Optional.empty()
            : new RunLog(spark, warehouse, schemas)
                .lastPublished()
                .filter(p -> p.fingerprint().equals(fingerprint));
    boolean writeRef = last.isEmpty() || !refTablesExist();
    Runnable refStage =
        () -> {
          if (writeRef) {
            new RefJob(spark, warehouse, schemas).write(ref);
            LOG.info(
                "stage ref: {} countries, {} aliases, {} FX rates",
                ref.countries().size(),
                ref.aliases().size(),
                ref.fxRates().size());
          } else {
            LOG.info("stage ref: schemas/ unchanged since the last run; ref.* kept");
            // Kept, but this session's catalog must still know them for the rules and gold's SQL.
            schemas.tables().stream()
                .filter(t -> t.layer().equals("ref"))
                .forEach(t -> warehouse.register("ref", t.name()));
          }
        };

    Map<String, BronzeJob.Ingested> ingested = new TreeMap<>();
    boolean feedStarted = false;
    // Bronze reads no reference table, and silver reads them only after every source is in:
    // the reference tables are written while the sources are ingested. Sources are independent
    // too (a table and a checkpoint each): they are ingested side by side.
    Map<SourceProfile, BronzeJob.Ingested> reads =
        Parallel.alongside(
            refStage,
            () ->
                Parallel.map(
                    sources,
                    source -> {
                      LOG.info("stage bronze: source {} ({})", source.source(), source.kind());
                      return bronze.ingest(landing, source, runId, Timestamp.from(now), until);
                    }));
    for (Map.Entry<SourceProfile, BronzeJob.Ingested> read : reads.entrySet()) {
      ingested.put(read.getKey().source(), read.getValue());
      feedStarted |= read.getValue().feedStarted();
    }

    boolean bronzeUnchanged =
        last.isPresent() && versions("bronze").equals(published(last.get(), "bronze"));
    boolean published =
        last.isPresent()
            && versions("silver").equals(published(last.get(), "silver"))
            && versions("gold").equals(published(last.get(), "gold"));
    if (bronzeUnchanged && published) {
      LOG.info("nothing new: no new landing rows and no change to schemas/; no table changed");
      return new Result(
          runId, List.of(), ingested, fingerprint, RunMode.NOOP, List.of(), Map.of(), List.of());
    }
    SilverJob.Changes changes = null;
    List<String> restored = List.of();
    boolean incremental = last.isPresent() && !feedStarted && restorable(last.get());
    if (incremental) {
      restored = restoreUnpublished(last.get());
    }
    // After the restore: a table property this brings in line must not be restored away. Before
    // the versions are taken: a table the run creates must have a version to be put back to.
    List<String> written =
        Stream.concat(
                tablesOf("silver").stream().map(t -> "silver." + t),
                tablesOf("gold").stream().map(t -> "gold." + t))
            .toList();
    Parallel.forEach(written, table -> warehouse.ensure(schemas.table(table)));
    Map<String, Long> before = new TreeMap<>(versions("silver"));
    before.putAll(versions("gold"));
    try {
      if (incremental) {
        LOG.info("stage silver: applying the bronze rows added since the last published run");
        try {
          changes = silver.update(schemas.profiles(), last.get().deltaVersions());
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
    } catch (CoopstatsException e) {
      putBack(before);
      throw e;
    }
    LOG.info("run {} done", runId);
    return new Result(
        runId,
        changes.files(),
        ingested,
        fingerprint,
        changes.rebuilt() ? RunMode.REBUILD : RunMode.INCREMENTAL,
        restored,
        changes.warnings(),
        rejectedFiles(runId));
  }

  /**
   * The files this run ingested that lack a required column, from the sources whose profile says
   * {@code on_missing_column: fail}: one line each, with the rows and the reason.
   */
  private List<String> rejectedFiles(String runId) {
    Object[] fatal =
        schemas.profiles().values().stream()
            .filter(p -> p.onMissingColumnOrDefault() == SourceProfile.OnMissingColumn.FAIL)
            .map(SourceProfile::source)
            .toArray();
    if (fatal.length == 0) {
      return List.of();
    }
    return spark
        .read()
        .format("delta")
        .load(warehouse.path("silver", "quarantine"))
        .where(
            col("rule")
                .equalTo("missing_column")
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

  private boolean refTablesExist() {
    return schemas.tables().stream()
        .filter(t -> t.layer().equals("ref"))
        .allMatch(t -> warehouse.exists("ref", t.name()));
  }

  /** The current Delta version of every table of {@code layer} the run writes or reads. */
  private Map<String, Long> versions(String layer) {
    Map<String, Long> versions = new TreeMap<>();
    for (String table : tablesOf(layer)) {
      long v = warehouse.version(layer, table);
      if (v >= 0) {
        versions.put(layer + "." + table, v);
      }
    }
    return versions;
  }

  private List<String> tablesOf(String layer) {
    return switch (layer) {
      case "bronze" -> List.copyOf(schemas.profiles().keySet());
      case "silver" ->
          Stream.concat(
                  schemas.contracts().values().stream()
                      .map(c -> c.silverTable().substring("silver.".length())),
                  java.util.stream.Stream.of("quarantine"))
              .toList();
      case "gold" -> GoldJob.TABLES;
      default -> throw new IllegalArgumentException(layer);
    };
  }

  private static Map<String, Long> published(RunRecord.Published p, String layer) {
    Map<String, Long> versions = new TreeMap<>();
    p.deltaVersions()
        .forEach(
            (table, v) -> {
              if (table.startsWith(layer + ".")) {
                versions.put(table, v);
              }
            });
    return versions;
  }

  /**
   * After a fail rule or a failed reconciliation: puts every silver and gold table this run wrote
   * back to its version at the start of the stage, so that the run publishes nothing.
   */
  private void putBack(Map<String, Long> before) {
    before.forEach(
        (name, version) -> {
          String[] lt = name.split("\\.");
          if (warehouse.version(lt[0], lt[1]) > version) {
            LOG.info("{}: putting back version {}; this run publishes nothing", name, version);
            warehouse.restore(lt[0], lt[1], version);
          }
        });
  }

  /**
   * Whether silver and gold can be brought back to the last published run's versions: each table
   * existed then and has not been replaced since.
   */
  private boolean restorable(RunRecord.Published last) {
    for (String layer : List.of("silver", "gold")) {
      for (String table : tablesOf(layer)) {
        Long then = last.deltaVersions().get(layer + "." + table);
        if (then == null || warehouse.version(layer, table) < then) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Puts back every silver and gold table that a run which did not finish has written since the
   * last published run, so that this run starts from published tables.
   */
  private List<String> restoreUnpublished(RunRecord.Published last) {
    List<String> restored = new java.util.ArrayList<>();
    for (String layer : List.of("silver", "gold")) {
      for (String table : tablesOf(layer)) {
        long then = last.deltaVersions().get(layer + "." + table);
        if (warehouse.version(layer, table) > then) {
          LOG.info(
              "{}.{}: restoring version {}, written by the last run that published; a later run"
                  + " did not finish",
              layer,
              table,
              then);
          warehouse.restore(layer, table, then);
          restored.add(layer + "." + table);
        }
      }
    }
    return restored;
  }

  /** Leaves the run's row in ops.runs; a failure to do so is logged, never hides the run's own. */
  private void log(
      Result r,
      LocalDate logicalDate,
      Instant started,
      RunStatus status,
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
              r.mode(),
              r.restored(),
              versions(),
              r.fingerprint()));
      if (status == RunStatus.SUCCESS || status == RunStatus.PARTIAL) {
        Map<String, Long> rescued = new TreeMap<>();
        r.ingested().forEach((source, read) -> rescued.put(source, read.rescuedRows()));
        runLog.quality(r.runId(), r.warnings(), rescued);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not write ops.runs for run {}: {}", r.runId(), Redact.userInfo(e.toString()));
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
