package coopstats.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Tags every Delta commit made while it is open with a run's id, as the commit's {@code
 * userMetadata}: {@code DESCRIBE HISTORY} of any table then joins {@code ops.runs} on {@code
 * run_id}. The session setting reaches every commit of the run, the writes of bronze's file streams
 * included, as a stream's batches run on a copy of the session's settings taken when it starts.
 */
public final class RunCommits implements AutoCloseable {
  /** Delta's session setting for the {@code userMetadata} of the commits that follow. */
  public static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private final SparkSession spark;

  private RunCommits(SparkSession spark) {
    this.spark = spark;
  }

  /** Tags the commits that follow with {@code runId}, until {@link #close}. */
  public static RunCommits tag(SparkSession spark, String runId) {
    spark.conf().set(USER_METADATA, runId);
    return new RunCommits(spark);
  }

  /** The commits that follow are no longer the run's. */
  @Override
  public void close() {
    spark.conf().unset(USER_METADATA);
  }
}
