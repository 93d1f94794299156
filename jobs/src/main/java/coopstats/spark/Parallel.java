package coopstats.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs independent table work side by side on one Spark session: the ingest of each source, the
 * writes of tables that do not read each other. On small tables a run's time goes to per-query work
 * on the driver (planning, Delta's log, commits) while the executors wait; two queries at once keep
 * both busy. Spark runs jobs from several threads of one session; each task here must touch its own
 * tables and temporary views only.
 */
public final class Parallel {
  /** Queries at once: enough to overlap one query's driver work with another's tasks. */
  static final int THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private static final AtomicInteger POOLS = new AtomicInteger();

  private Parallel() {}

  /**
   * Applies {@code work} to every item, a few at a time, and returns the results in the items'
   * order. Every item's work runs to its end; then the first failure in the items' order, if any,
   * is thrown as it was thrown, so that its message and exit code reach the user unchanged.
   */
  public static <T, R> Map<T, R> map(List<T> items, Function<T, R> work) {
    if (items.size() <= 1) {
      return inOrder(items, work);
    }
    Map<T, R> results = new LinkedHashMap<>();
    ExecutorService executor = pool(Math.min(THREADS, items.size()));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(executor.submit(() -> work.apply(item)));
      }
      RuntimeException first = null;
      for (int i = 0; i < items.size(); i++) {
        try {
          results.put(items.get(i), futures.get(i).get());
        } catch (ExecutionException e) {
          if (first == null) {
            first = unwrap(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + items.get(i), e);
        }
      }
      if (first != null) {
        throw first;
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * {@link #map}'s results, with the work done one item after the other on the calling thread: for
   * work that fills the cores on its own.
   */
  public static <T, R> Map<T, R> inOrder(List<T> items, Function<T, R> work) {
    Map<T, R> results = new LinkedHashMap<>();
    items.forEach(i -> results.put(i, work.apply(i)));
    return results;
  }

  /**
   * Runs {@code first} on a thread of its own while {@code then} runs on the calling thread, for
   * work that reads nothing of the other's (the reference tables while the sources are ingested).
   * Both run to their end; {@code first}'s failure, if any, is thrown before {@code then}'s, as if
   * they had run one after the other.
   */
  public static <R> R alongside(Runnable first, Supplier<R> then) {
    ExecutorService executor = pool(1);
    try {
      Future<?> started = executor.submit(first);
      R result = null;
      RuntimeException failed = null;
      try {
        result = then.get();
      } catch (RuntimeException e) {
        failed = e;
      }
      try {
        started.get();
      } catch (ExecutionException e) {
        throw unwrap(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for work alongside", e);
      }
      if (failed != null) {
        throw failed;
      }
      return result;
    } finally {
      executor.shutdownNow();
    }
  }

  /** A pool of {@code size} daemon threads named coopstats-<pool>-<thread>, for the logs. */
  private static ExecutorService pool(int size) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    return Executors.newFixedThreadPool(
        size,
        r -> {
          Thread t = new Thread(r, "coopstats-" + pool + "-" + thread.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** {@link #map} for work without a result. */
  public static <T> void forEach(List<T> items, Consumer<T> work) {
    map(
        items,
        item -> {
          work.accept(item);
          return Boolean.TRUE;
        });
  }

  private static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }
}
