package coopstats.spark;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes Spark's code generation to the run's input. On a few megabytes, generating and compiling
 * Java for every query and every projection costs more than evaluating the rows: in a cold run on
 * the bundled sample it is about a quarter of the CPU time. Below {@link #SMALL_BYTES} a run
 * evaluates expressions without generated code; above it, Spark's defaults stand. A setting the
 * user passes ({@code --conf} or {@code -Dspark.*}) always wins.
 */
public final class InputSize {
  private static final Logger LOG = LoggerFactory.getLogger(InputSize.class);

  /**
   * 16 MiB: about 150,000 generated investment rows with the other kinds in proportion (200,000
   * take 22 MB). Measured in one session on 2 cores: the cold sample run took 64 s without
   * generated code against 81 s with it; 200,000 rows took 106.6 s against 106.2 s.
   */
  public static final long SMALL_BYTES = 16L << 20;

  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

  private InputSize() {}

  /**
   * Sets the session's code generation for a run whose landing folder and bronze tables hold {@code
   * bytes} together; returns whether the run evaluates without generated code.
   */
  public static boolean tune(SparkSession spark, long bytes) {
    boolean small = bytes < SMALL_BYTES;
    for (String key : List.of(WHOLE_STAGE, FACTORY_MODE)) {
      if (spark.sparkContext().getConf().contains(key)) {
        LOG.info("{} set by the user: {}", key, spark.sparkContext().getConf().get(key));
        continue;
      }
      if (small) {
        spark.conf().set(key, key.equals(WHOLE_STAGE) ? "false" : "NO_CODEGEN");
      } else {
        spark.conf().unset(key);
      }
    }
    LOG.info(
        "input {} MiB: {}",
        bytes >> 20,
        small ? "small, rows evaluated without generated code" : "Spark's code generation on");
    return small;
  }

  /** The bytes under each of {@code paths} that exist, summed. */
  public static long of(SparkSession spark, List<String> paths) {
    long total = 0;
    for (String p : paths) {
      try {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(path)) {
          total += fs.getContentSummary(path).getLength();
        }
      } catch (IOException e) {
        // Sizing is advice; an unreadable folder fails later, where its error says more.
        LOG.debug("could not size {}: {}", p, e.toString());
      }
    }
    return total;
  }
}
