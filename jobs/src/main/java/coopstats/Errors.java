package coopstats;

import java.util.Collection;

/** Every error a user sees is built here: what went wrong, where, and what to do about it. */
public final class Errors {
  private Errors() {}

  public static CoopstatsException missingSchemas(String dir) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "schema folder not found: "
            + dir
            + ". Run coopstats from its checkout, or set COOPSTATS_HOME to the folder that holds schemas/.");
  }

  public static CoopstatsException badSchemaFile(String file, String problem) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "schema file " + file + " is invalid: " + problem + ". Fix the file and run again.");
  }

  public static CoopstatsException badRefFile(String file, long line, String problem) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "reference file "
            + file
            + ", line "
            + line
            + ": "
            + problem
            + ". Fix the file and run again.");
  }

  /**
   * The columns coopstats writes to {@code table} are not the ones its schema file declares: {@code
   * missing} are declared but not written, {@code unknown} written but not declared.
   */
  public static CoopstatsException columnsDisagree(
      String table, Collection<String> missing, Collection<String> unknown) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "the schema file of "
            + table
            + " does not match what coopstats writes to it: "
            + (missing.isEmpty()
                ? ""
                : "it declares " + missing + ", which coopstats does not write")
            + (missing.isEmpty() || unknown.isEmpty() ? "" : "; ")
            + (unknown.isEmpty() ? "" : "it lacks " + unknown + ", which coopstats writes")
            + ". Give the schema file the columns of this version of coopstats (docs/tables.md lists"
            + " them) and run again.");
  }

  public static CoopstatsException missingLanding(String dir) {
    return new CoopstatsException(
        ExitCodes.NO_INPUT,
        "landing folder not found: "
            + dir
            + ". Pass --landing with a folder that holds one sub-folder per source (for example landing/cgit/).");
  }

  public static CoopstatsException landingNotAFolder(String dir) {
    return new CoopstatsException(
        ExitCodes.NO_INPUT,
        "landing folder "
            + dir
            + " is a file, not a folder. Pass --landing with the folder that holds one sub-folder"
            + " per source (for example landing/, which holds cgit/), not a file in it.");
  }

  /**
   * {@code command} was given a warehouse of the user's own but no landing folder: the bundled
   * sample is the default landing of the default warehouse only.
   */
  public static CoopstatsException landingRequired(String command, String warehouse) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        "--landing is required with --warehouse: the bundled sample is read only into the default"
            + " warehouse (./warehouse, when --warehouse is not given), never into "
            + warehouse
            + ". Pass the folder that holds one sub-folder per source, for example: coopstats "
            + command
            + " --warehouse "
            + warehouse
            + " --landing /data/landing");
  }

  public static CoopstatsException unreadableFolder(String dir, Exception cause) {
    return new CoopstatsException(
        ExitCodes.NO_INPUT,
        "cannot open "
            + dir
            + ": "
            + cause.getMessage()
            + ". Check that the path, the host and the credentials are right.",
        cause);
  }

  public static CoopstatsException unknownSource(String dir, Collection<String> known) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "landing folder "
            + dir
            + " has no source profile. Known sources: "
            + String.join(", ", known)
            + ". Add schemas/sources/<source>.yaml or rename the folder.");
  }

  public static CoopstatsException reconciliationFailed(String detail) {
    return new CoopstatsException(
        ExitCodes.SOFTWARE,
        "reconciliation failed: rows delivered do not equal rows in silver plus quarantine ("
            + detail
            + "). Nothing is lost in bronze; report this as a bug and rerun with --full-refresh after the fix.");
  }

  public static CoopstatsException ruleFailed(
      String table,
      String rule,
      long rows,
      String file,
      String sheet,
      long line,
      String raw,
      String reason) {
    return new CoopstatsException(
        ExitCodes.DATA_ERROR,
        "fail rule "
            + rule
            + " of "
            + table
            + " is broken by "
            + rows
            + " row(s); nothing was published. First: "
            + file
            + (sheet == null ? "" : ", sheet \"" + sheet + "\",")
            + " line "
            + line
            + ": "
            + reason
            + " (row: "
            + raw
            + "). Fix the data or the reference data and run again.");
  }

  public static CoopstatsException filesRejected(java.util.List<String> files) {
    return new CoopstatsException(
        ExitCodes.DATA_ERROR,
        files.size()
            + " file(s) lack a required column or cannot be read, and their source's profile says"
            + " on_missing_column: fail. Their rows are in silver.quarantine (rule missing_column"
            + " or unreadable_file);"
            + " everything else was published. "
            + String.join("; ", files)
            + ". Redeliver each file under a new name with the expected header (map a renamed"
            + " header under columns: in schemas/sources/<source>.yaml if it is to stay).");
  }

  /**
   * A backfill's run for {@code date} failed: its own error, with its exit code, and how to resume.
   */
  public static CoopstatsException backfillStopped(String date, RuntimeException cause) {
    return new CoopstatsException(
        ExitCodes.of(cause),
        "backfill stopped at "
            + date
            + ": "
            + cause.getMessage()
            + " The dates before it are done; resume with --from "
            + date
            + ".",
        cause);
  }

  public static CoopstatsException goldCheckFailed(String table, String rule, String example) {
    return new CoopstatsException(
        ExitCodes.DATA_ERROR,
        "check "
            + rule
            + " of "
            + table
            + " failed; nothing was published. First offending row: "
            + example
            + ". Look for the silver rows of that year and group, fix them and run again.");
  }

  public static CoopstatsException missingWarehouse(String dir) {
    return new CoopstatsException(
        ExitCodes.NO_INPUT,
        "warehouse not found: "
            + dir
            + ". Run `bin/coopstats run` first, or pass --warehouse DIR.");
  }

  public static CoopstatsException warehouseNotAFolder(String dir) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        "--warehouse "
            + dir
            + " is a file, not a folder. Pass the folder that holds the tables, or that is to hold"
            + " them, for example --warehouse /data/warehouse.");
  }

  public static CoopstatsException cannotServe(String address, String problem) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "cannot serve Spark Connect on "
            + address
            + ": "
            + problem
            + ". Pass --port with a free port, or --host with an address of this machine.");
  }

  public static CoopstatsException cannotWrite(String file, String problem) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "cannot write " + file + ": " + problem + ". Pass --out with a folder you can write to.");
  }

  public static CoopstatsException goldNotReadable(String table, String path, String features) {
    return new CoopstatsException(
        ExitCodes.DATA_ERROR,
        table
            + " uses "
            + features
            + ", which readers without Spark (DuckDB, Trino, Power BI, older delta-rs) cannot"
            + " read; nothing was published. Gold tables must keep Delta reader version 1. Rebuild"
            + " the table: delete the folder "
            + path
            + " and run `coopstats run --full-refresh`.");
  }

  public static CoopstatsException missingSqlFile(String file) {
    return new CoopstatsException(
        ExitCodes.NO_INPUT,
        "SQL file not found: " + file + ". Pass --file with a file of ;-separated statements.");
  }

  public static CoopstatsException badStatement(String where, String message) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        where + ": " + message + " The statements before it ran; fix this one and run again.");
  }

  public static CoopstatsException missingNotebook(String file) {
    return new CoopstatsException(
        ExitCodes.NO_INPUT,
        "notebook not found: "
            + file
            + ". Pass the path of a .ipynb file, such as notebooks/partner_share.ipynb.");
  }

  public static CoopstatsException badNotebook(String file, String problem) {
    return new CoopstatsException(
        ExitCodes.DATA_ERROR,
        "notebook "
            + file
            + " cannot be read: "
            + problem
            + ". Open and save it in Jupyter, or fix its JSON.");
  }

  public static CoopstatsException notebookCellFailed(
      String file, int cell, String message, String written) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        "notebook "
            + file
            + ", code cell "
            + cell
            + " failed: "
            + message
            + " The cells before it ran; "
            + written
            + " holds their results and this error. Fix the cell and run again.");
  }

  public static CoopstatsException missingConnectionFile(String file) {
    return new CoopstatsException(
        ExitCodes.NO_INPUT,
        "kernel connection file not found: "
            + file
            + ". Jupyter writes this file and starts the kernel with it; install the kernel with"
            + " `coopstats notebook install-kernel` and start it from Jupyter.");
  }

  public static CoopstatsException badConnectionFile(String file, String problem) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "kernel connection file "
            + file
            + " cannot be used: "
            + problem
            + ". The kernel supports the tcp transport and hmac-sha256 signatures, Jupyter's"
            + " defaults; start it from Jupyter with those.");
  }

  public static CoopstatsException kernelCannotListen(String address, String problem) {
    return new CoopstatsException(
        ExitCodes.TEMP_FAIL,
        "the kernel cannot listen on "
            + address
            + ": "
            + problem
            + ". Another program holds that port; restart the kernel from Jupyter, which picks"
            + " free ports.");
  }

  public static CoopstatsException noLauncher(String home) {
    return new CoopstatsException(
        ExitCodes.CONFIG,
        "bin/coopstats not found under "
            + home
            + ", the coopstats home. Run the command as bin/coopstats from the checkout, or set"
            + " COOPSTATS_HOME to the folder that holds bin/coopstats.");
  }

  /** A statement Spark refused; a table it did not find gets the hint of how tables are named. */
  public static CoopstatsException badQuery(String message) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        "the query failed: "
            + message
            + (message.startsWith("[TABLE_OR_VIEW_NOT_FOUND]")
                ? ". Tables are named <layer>.<table>; try SHOW TABLES IN gold."
                : ""));
  }

  public static CoopstatsException badOption(String option, String value, String expected) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        option
            + " "
            + value
            + " is not valid: expected "
            + expected
            + ". Fix the option and run again.");
  }

  public static CoopstatsException unfinishedRun(String table, long published, long current) {
    return new CoopstatsException(
        ExitCodes.TEMP_FAIL,
        table
            + " is at version "
            + current
            + " but the last published run left it at "
            + published
            + ": a run did not finish. Run `coopstats run` first, which puts the tables back, then"
            + " maintain.");
  }

  /**
   * {@code table} keeps its Delta log for {@code logHours} only, and Delta keeps no removed file
   * longer than the log that names it.
   */
  public static CoopstatsException retentionBeyondLog(String table, long logHours, long hours) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        "--retain-hours "
            + hours
            + " is longer than the "
            + logHours
            + " hours "
            + table
            + " keeps its Delta log (delta.logRetentionDuration), and Delta keeps no file longer"
            + " than the log that names it; no table was changed. Pass --retain-hours "
            + logHours
            + " or less, or first raise the tables' log retention, for example ALTER TABLE "
            + table
            + " SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval "
            + hours
            + " hours').");
  }

  public static CoopstatsException shortRetention(long hours, long safe) {
    return new CoopstatsException(
        ExitCodes.USAGE,
        "--retain-hours "
            + hours
            + " is below "
            + safe
            + " hours, Delta's default retention: VACUUM would delete files that a reader of an"
            + " older version, or a run in progress elsewhere, may still need. Keep the default, or"
            + " pass --unsafe-retention as well if no reader or run can be affected.");
  }

  /**
   * The warning for a landing file whose content changed after bronze ingested it, which is read
   * again as a new delivery: {@code file} relative to the landing folder, the times in epoch
   * milliseconds.
   */
  public static String redelivered(String file, long ingestedAs, long modified) {
    return "landing file "
        + file
        + " was delivered again under the same name with new content (modified "
        + java.time.Instant.ofEpochMilli(ingestedAs)
        + " when bronze read it, now "
        + java.time.Instant.ofEpochMilli(modified)
        + "): it is read as a new delivery, and its rows replace the earlier rows with the same"
        + " record key (all of the source's rows, for a snapshot source)";
  }

  /**
   * The warning for a landing file whose modification time changed after bronze ingested it without
   * a record of its content (it was ingested before content fingerprints were kept), which is read
   * again as a new delivery.
   */
  public static String redeliveredUnknownContent(String file, long ingestedAs, long modified) {
    return "landing file "
        + file
        + " changed after bronze ingested it (modified "
        + java.time.Instant.ofEpochMilli(ingestedAs)
        + " when bronze read it, now "
        + java.time.Instant.ofEpochMilli(modified)
        + ") and bronze has no fingerprint of the content it read, so the file is taken as new"
        + " content: it is read as a new delivery, and its rows replace the earlier rows with the"
        + " same record key (all of the source's rows, for a snapshot source). If only its"
        + " modification time changed, the replaced rows are in silver.quarantine as superseded"
        + " by the same values";
  }

  /**
   * The note for a landing file whose modification time changed after bronze ingested it while its
   * content stayed the same, which is not read again.
   */
  public static String touchedAfterIngest(String file, long ingestedAs, long modified) {
    return "landing file "
        + file
        + " has a new modification time ("
        + java.time.Instant.ofEpochMilli(modified)
        + ", "
        + java.time.Instant.ofEpochMilli(ingestedAs)
        + " when bronze read it) but the content bronze read: not read again";
  }
}
