package coopstats.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.jupyter.Engine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Jupyter kernel's engine: each cell runs as Spark SQL over the warehouse, with the outputs
 * {@code notebook run} writes. The session starts in the background as the kernel starts, so that
 * Jupyter's first requests are answered at once; the first cell waits for it. An interrupt cancels
 * the running cell's Spark jobs.
 */
final class SqlKernelEngine implements Engine {
  private static final String JOB_GROUP = "coopstats-kernel-cell";

  private final CompletableFuture<SparkSession> spark;
  private final int maxRows;
  private final AtomicBoolean interrupted = new AtomicBoolean();

  SqlKernelEngine(Supplier<SparkSession> session, int maxRows) {
    this.spark = new CompletableFuture<>();
    this.maxRows = maxRows;
    Thread start = new Thread(() -> complete(session), "coopstats-spark-start");
    start.setDaemon(true);
    start.start();
  }

  private void complete(Supplier<SparkSession> session) {
    try {
      spark.complete(session.get());
    } catch (RuntimeException e) {
      spark.completeExceptionally(e);
    }
  }

  @Override
  public void execute(String code, int executionCount, Consumer<ObjectNode> out) {
    interrupted.set(false);
    SparkSession session;
    try {
      session = spark.join();
    } catch (CompletionException e) {
      RuntimeException cause =
          e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      out.accept(
          NotebookOutputs.error(cause.getClass().getSimpleName(), NotebookCells.message(cause)));
      return;
    }
    SparkSession.setActiveSession(session);
    SparkContext sc = session.sparkContext();
    sc.setJobGroup(JOB_GROUP, "notebook cell " + executionCount, true);
    try {
      if (interrupted.get()) {
        out.accept(interruptedError());
        return;
      }
      NotebookCells.run(
          session,
          code,
          executionCount,
          maxRows,
          o -> out.accept(interrupted.get() && o.has("ename") ? interruptedError() : o));
    } finally {
      sc.clearJobGroup();
    }
  }

  @Override
  public void interrupt() {
    interrupted.set(true);
    if (spark.isDone() && !spark.isCompletedExceptionally()) {
      spark.join().sparkContext().cancelJobGroup(JOB_GROUP);
    }
  }

  @Override
  public ObjectNode languageInfo() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("name", "sql")
        .put("version", org.apache.spark.package$.MODULE$.SPARK_VERSION())
        .put("mimetype", "text/x-sql")
        .put("file_extension", ".sql")
        .put("codemirror_mode", "sql")
        .put("pygments_lexer", "sql");
  }

  @Override
  public String banner() {
    return "coopstats SQL: Spark SQL over the warehouse's tables, named <layer>.<table>";
  }

  /** Stops the session, once the kernel has stopped. */
  void stop() {
    if (spark.isDone() && !spark.isCompletedExceptionally()) {
      spark.join().stop();
    }
  }

  private static ObjectNode interruptedError() {
    return NotebookOutputs.error(
        "Interrupted", "the cell was interrupted and its Spark jobs cancelled.");
  }
}
