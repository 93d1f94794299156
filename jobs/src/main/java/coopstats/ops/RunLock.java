package coopstats.ops;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per warehouse: {@code <warehouse>/_lock}, created only if absent. The holder
 * touches it every few seconds; a lock whose holder is gone (its process has ended on this host, or
 * it has not been touched for {@link #STALE_MILLIS}) is taken over, so a killed run never blocks
 * the next one for long.
 */
public final class RunLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  static final long STALE_MILLIS = 60_000;
  private static final long HEARTBEAT_MILLIS = 10_000;

  private final FileSystem fs;
  private final Path path;
  private final ScheduledExecutorService heartbeat;

  private RunLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "coopstats-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        this::touch, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Takes the warehouse's lock for {@code runId}, or fails with exit code 75. */
  public static RunLock acquire(Configuration conf, String warehouseRoot, String runId) {
    Path path = new Path(warehouseRoot + "/_lock");
    try {
      FileSystem fs = path.getFileSystem(conf);
      String holder = host() + " " + ProcessHandle.current().pid() + " " + runId;
      for (int attempt = 0; attempt < 2; attempt++) {
        if (tryCreate(fs, path, holder)) {
          return new RunLock(fs, path);
        } else {
          String current = read(fs, path);
          if (!isStale(fs, path, current)) {
            throw busy(warehouseRoot, current);
          }
          LOG.warn("taking over the lock of a run that is gone: {}", current);
          fs.delete(path, false);
        }
      }
      throw busy(warehouseRoot, read(fs, path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CoopstatsException busy(String root, String holder) {
    String[] h = holder.split(" ");
    return new CoopstatsException(
        ExitCodes.TEMP_FAIL,
        "another run holds the warehouse "
            + root
            + (h.length == 3 ? " (run " + h[2] + ", process " + h[1] + " on " + h[0] + ")" : "")
            + ". Try again when it has finished; a lock left by a killed run expires after "
            + STALE_MILLIS / 1000
            + " s.");
  }

  /**
   * Creates the lock file only if it does not exist. On a local disk this is the atomic create-new
   * of the OS; Hadoop's local file system checks and then creates, which two runs started together
   * could both pass. HDFS's create without overwrite is atomic itself.
   */
  private static boolean tryCreate(FileSystem fs, Path path, String holder) throws IOException {
    byte[] content = holder.getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(path.toUri());
      Files.createDirectories(local.getParent());
      try {
        Files.write(local, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      }
    }
    try (FSDataOutputStream out = fs.create(path, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException taken) {
      return false;
    }
  }

  static boolean isStale(FileSystem fs, Path path, String holder) throws IOException {
    String[] h = holder.split(" ");
    if (h.length == 3 && h[0].equals(host())) {
      return ProcessHandle.of(Long.parseLong(h[1])).map(p -> !p.isAlive()).orElse(true);
    }
    long age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
    return age > STALE_MILLIS;
  }

  private void touch() {
    try {
      fs.setTimes(path, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      LOG.warn("could not refresh the warehouse lock {}: {}", path, e.getMessage());
    }
  }

  private static String read(FileSystem fs, Path path) {
    try (var in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replace(' ', '_');
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("could not remove the warehouse lock {}: {}", path, e.getMessage());
    }
  }
}
