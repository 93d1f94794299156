package coopstats.report;

import coopstats.Errors;
import coopstats.contract.RunStatus;
import coopstats.ops.RunLog;
import coopstats.ops.RunRecord;
import coopstats.spark.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Writes the report of a warehouse: {@code <out>/index.html}, self-contained. */
public final class Report {
  private Report() {}

  /** Reads the warehouse's gold and ops tables and writes the report; returns the file. */
  public static Path write(SparkSession spark, Warehouse warehouse, Path out) {
    for (String[] t : Needed.TABLES) {
      if (!warehouse.exists(t[0], t[1])) {
        throw Errors.missingWarehouse(warehouse.root() + " (no " + t[0] + "." + t[1] + " table)");
      }
    }
    warehouse.registerAll();
    List<Section> sections =
        List.of(
            PartnerShareSection.of(spark),
            TechRatioSection.of(spark),
            ProgramRoiSection.of(spark),
            QualitySection.of(spark));
    // The statistics are as of the last run that published them; a failed run published nothing.
    List<RunRecord> last =
        RunLog.latest(
            spark.table("ops.runs"),
            1,
            List.of(RunStatus.SUCCESS, RunStatus.PARTIAL, RunStatus.NOOP));
    RunRecord published = last.isEmpty() ? null : last.get(0);
    Path file = out.resolve("index.html");
    try {
      Files.createDirectories(out);
      Files.writeString(
          file, Page.render(warehouse.root(), published, sections), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.cannotWrite(file.toString(), e.toString());
    }
    return file;
  }
}
