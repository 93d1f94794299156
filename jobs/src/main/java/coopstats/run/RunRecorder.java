package coopstats.run;

import coopstats.Redact;
import coopstats.contract.RunStatus;
import coopstats.contract.Schemas;
import coopstats.ops.RunLog;
import coopstats.ops.RunRecord;
import coopstats.silver.Reconciliation;
import coopstats.spark.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Leaves a run's row in {@code ops.runs}, and its quality counts when it published. */
final class RunRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

  private final Publication publication;
  private final Schemas schemas;
  private final Warehouse warehouse;

  RunRecorder(Warehouse warehouse, Schemas schemas, Publication publication) {
    this.warehouse = warehouse;
    this.schemas = schemas;
    this.publication = publication;
  }

  /** Records the run; a failure to do so is logged, and never hides the run's own outcome. */
  void record(
      RunResult r,
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
      RunLog runLog = new RunLog(warehouse, schemas);
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
              publication.everyTable(),
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
}
