package coopstats.ops;

import coopstats.Errors;
import coopstats.contract.RunMode;
import coopstats.contract.RunStatus;
import coopstats.spark.RunCommits;
import coopstats.spark.Warehouse;
import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Console;

/**
 * Compacts the small files that nightly runs leave in bronze, silver and gold (Delta OPTIMIZE) and
 * removes the files no version within the retention still needs (VACUUM), under the warehouse lock
 * so that it never overlaps a run. The retention is set on each table as the property VACUUM obeys
 * ({@link Retention}), so it is also what Delta allows time travel within afterwards. It then logs
 * itself in {@code ops.runs} as a {@code noop} with mode {@code maintain} and the compacted
 * versions: the next run starts from those versions rather than taking the compaction for an
 * unfinished run and restoring the tables behind it.
 */
public final class Maintenance {
  /** Delta's own default for {@code delta.deletedFileRetentionDuration}: 7 days. */
  public static final long SAFE_RETAIN_HOURS = 168;

  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  /**
   * How many partitions VACUUM lists a table's files into. Spark's default, 10,000, is sized for
   * clusters listing object stores: on a local session VACUUM then schedules tens of thousands of
   * empty tasks per table, about half a minute for a table of a few files.
   */
  private static final String LISTING = "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  /** One table's active files before and after compaction. */
  public record Compacted(String table, long filesBefore, long filesAfter) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final RunLog log;

  public Maintenance(SparkSession spark, Warehouse warehouse, RunLog log) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.log = log;
  }

  /**
   * Keeps every table's removed files for {@code retainHours}, then optimizes and vacuums it. A
   * retention longer than a table's log retention is refused before any table changes. Delta's
   * retention check ({@code spark.databricks.delta.retentionDurationCheck.enabled}) only compares
   * hours given to VACUUM with this property, so it never stops a short one: the caller does.
   */
  public List<Compacted> run(long retainHours) {
    Instant started = Instant.now();
    String runId = RunRecord.id(started, "maintain");
    try (RunLock lock =
            RunLock.acquire(spark.sparkContext().hadoopConfiguration(), warehouse.root(), runId);
        RunCommits tagged = RunCommits.tag(spark, runId)) {
      Optional<RunRecord.Published> last = log.lastPublished();
      List<String> tables = tables();
      last.ifPresent(p -> checkPublished(p, tables));
      checkLogRetention(tables, retainHours);
      List<Compacted> out = new ArrayList<>();
      Map<String, Long> versions = new TreeMap<>(last.map(p -> p.deltaVersions()).orElse(Map.of()));
      // A setting the user gave is kept; otherwise the listing gets as many partitions as cores.
      boolean listingSet = spark.conf().contains(LISTING);
      if (!listingSet) {
        spark.conf().set(LISTING, spark.sparkContext().defaultParallelism());
      }
      try {
        for (String table : tables) {
          out.add(compact(table, retainHours));
          String[] lt = table.split("\\.");
          versions.put(table, warehouse.version(lt[0], lt[1]));
        }
      } finally {
        if (!listingSet) {
          spark.conf().unset(LISTING);
        }
      }
      last.ifPresent(p -> record(runId, started, p.fingerprint(), versions, retainHours));
      return out;
    }
  }

  private Compacted compact(String table, long retainHours) {
    String[] lt = table.split("\\.");
    DeltaTable delta = DeltaTable.forPath(spark, warehouse.path(lt[0], lt[1]));
    long before = files(delta);
    keepRemovedFiles(lt, retainHours);
    long after = before;
    if (compactable(lt, before)) {
      delta.optimize().executeCompaction();
      after = files(delta);
    }
    if (anyOlderThan(warehouse.path(lt[0], lt[1]), retainHours)) {
      vacuum(table, delta);
    } else {
      LOG.info("VACUUM {}: no file is older than {} hours; nothing to delete", table, retainHours);
    }
    return new Compacted(table, before, after);
  }

  /** Sets the table's file retention to {@code hours}, in a commit only when it differs. */
  private void keepRemovedFiles(String[] lt, long hours) {
    if (Retention.filesMillis(warehouse.metadata(lt[0], lt[1])) != TimeUnit.HOURS.toMillis(hours)) {
      warehouse.setProperties(lt[0], lt[1], Map.of(Retention.FILES, Retention.interval(hours)));
    }
  }

  /**
   * Whether OPTIMIZE can change the table: a table of one file has nothing to compact, unless
   * deletion vectors mark rows in it that compaction would drop.
   */
  private boolean compactable(String[] lt, long files) {
    return files > 1
        || "true"
            .equalsIgnoreCase(
                warehouse
                    .metadata(lt[0], lt[1])
                    .configuration()
                    .getOrElse("delta.enableDeletionVectors", () -> "false"));
  }

  /**
   * Whether the table's folder holds a data file older than the retention. VACUUM only ever deletes
   * such files (Delta first drops every file modified within the retention from its candidates, and
   * ignores hidden files like the log), so without one it can delete nothing and its listing and
   * snapshot jobs are skipped.
   */
  private boolean anyOlderThan(String table, long retainHours) {
    long before = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(retainHours);
    try {
      FileSystem fs = new Path(table).getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path root = fs.makeQualified(new Path(table));
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        LocatedFileStatus f = files.next();
        if (f.getModificationTime() < before && !hidden(root, f.getPath())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file VACUUM never deletes: the table's log, and hidden files such as checksums. Delta hides a
   * few more, so this errs on the side of running VACUUM.
   */
  private static boolean hidden(Path root, Path file) {
    if (file.getName().startsWith(".")) {
      return true;
    }
    for (Path p = file.getParent(); p != null && !p.equals(root); p = p.getParent()) {
      if (p.getName().equals("_delta_log")) {
        return true;
      }
    }
    return false;
  }

  /**
   * VACUUM by the table's own retention. Delta prints its count of deleted files on the JVM's
   * stdout, which is the command's result; it goes to the log instead, with the table's name.
   */
  private static void vacuum(String table, DeltaTable delta) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream to = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      Console.withOut(to, () -> delta.vacuum());
    }
    printed
        .toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> !l.isBlank())
        .forEach(l -> LOG.info("VACUUM {}: {}", table, l));
  }

  /**
   * Delta refuses a file retention longer than a table's log retention: say so before any change.
   */
  private void checkLogRetention(List<String> tables, long retainHours) {
    for (String table : tables) {
      String[] lt = table.split("\\.");
      long log = Retention.logMillis(warehouse.metadata(lt[0], lt[1]));
      if (log < TimeUnit.HOURS.toMillis(retainHours)) {
        throw Errors.retentionBeyondLog(table, Retention.hours(log), retainHours);
      }
    }
  }

  private static long files(DeltaTable delta) {
    return delta.detail().first().<Long>getAs("numFiles");
  }

  /** The bronze, silver and gold tables, in that order. */
  private List<String> tables() {
    List<String> all = warehouse.registerAll();
    List<String> out = new ArrayList<>();
    for (String layer : List.of("bronze", "silver", "gold")) {
      all.stream().filter(t -> t.startsWith(layer + ".")).forEach(out::add);
    }
    return out;
  }

  /** A table ahead of the last published run belongs to a run that did not finish: leave it. */
  private void checkPublished(RunRecord.Published last, List<String> tables) {
    for (String table : tables) {
      String[] lt = table.split("\\.");
      Long then = last.deltaVersions().get(table);
      if (then != null && warehouse.version(lt[0], lt[1]) != then) {
        throw Errors.unfinishedRun(table, then, warehouse.version(lt[0], lt[1]));
      }
    }
  }

  private void record(
      String runId, Instant started, String fingerprint, Map<String, Long> v, long retainHours) {
    log.record(
        new RunRecord(
            runId,
            LocalDate.ofInstant(started, ZoneOffset.UTC),
            started,
            Instant.now(),
            RunStatus.NOOP,
            0,
            "maintain: OPTIMIZE of bronze, silver and gold, VACUUM retaining "
                + retainHours
                + " hours; no row changed",
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            "balanced",
            RunMode.MAINTAIN,
            List.of(),
            v,
            fingerprint));
  }
}
