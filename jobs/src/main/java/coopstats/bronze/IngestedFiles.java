package coopstats.bronze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a source's bronze checkpoint holds as ingested, each known by its path relative to the
 * landing folder. Spark's file stream remembers a file by its absolute URI, in the checkpoint's
 * source log ({@code sources/0/<batch>} and {@code <batch>.compact}: a {@code v1} line, then one
 * JSON object per file). The landing folder the log was written for is kept beside the checkpoint
 * ({@code <checkpoint>.landing}); when a run's landing folder is another one (the deployment was
 * copied or moved), the log's paths are moved from the old folder to the new one before the stream
 * starts, so that the files already ingested are not read again. A moved warehouse needs nothing:
 * the checkpoint names no path of its own. A file delivered again under its name ({@link
 * Redeliveries}) has its earlier entries renamed to a path no file has, so that the stream reads it
 * as a new file; the stream itself only ever compares paths.
 */
final class IngestedFiles {
  private static final Logger LOG = LoggerFactory.getLogger(IngestedFiles.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Joins a superseded delivery's path to the batch that read it. A path in the log is URI-encoded,
   * so a listed file's path never holds a bare {@code #}: a superseded entry names no file.
   */
  private static final String SUPERSEDED = "#superseded-in-batch-";

  private static final Pattern LOG_OFFSET = Pattern.compile("\"logOffset\"\\s*:\\s*(\\d+)");

  /**
   * A file as the log holds it: its modification time when read, and the log batch that read it.
   */
  record Logged(long modified, long batch) {}

  private final FileSystem fs;
  private final Path checkpoint;
  private final Path log;
  private final Path recorded;
  private final String landing;
  private final String source;

  private IngestedFiles(FileSystem fs, Path checkpoint, String landing, String source) {
    this.fs = fs;
    this.checkpoint = checkpoint;
    this.log = new Path(checkpoint, "sources/0");
    this.recorded = new Path(checkpoint.getParent(), checkpoint.getName() + ".landing");
    this.landing = landing;
    this.source = source;
  }

  /** The checkpoint {@code checkpoint} of {@code source}, for a run from {@code landing}. */
  static IngestedFiles of(Configuration conf, String checkpoint, String landing, String source) {
    try {
      Path cp = new Path(checkpoint);
      return new IngestedFiles(cp.getFileSystem(conf), cp, uri(landing, conf), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves the log's paths to this run's landing folder when it was written for another one, then
   * records this run's landing folder beside the checkpoint.
   */
  void followLanding() {
    try {
      String was = fs.exists(recorded) ? read(recorded).strip() : inferred();
      if (was != null && !was.equals(landing) && fs.exists(log)) {
        // A file is in its batch's log file and in each compaction after it: count it once.
        Set<String> moved = new TreeSet<>();
        for (FileStatus f : fs.listStatus(log, p -> !p.getName().startsWith("."))) {
          rewrite(f.getPath(), was, moved);
        }
        LOG.info(
            "bronze.{}: the landing folder moved from {} to {}; the {} file(s) already ingested"
                + " were kept as ingested, by their path under the landing folder",
            source,
            was,
            landing,
            moved.size());
      }
      if (!landing.equals(was)) {
        write(recorded, List.of(landing));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not update the bronze checkpoint of source "
              + source
              + " ("
              + log
              + ") for the landing folder "
              + landing
              + ": "
              + e.getMessage()
              + ". Check that the warehouse is writable and run again.",
          e);
    }
  }

  /**
   * The landing folder of a checkpoint written before the folder was recorded beside it: the part
   * of a logged path before {@code /<source>/}, when a path is not under this run's landing folder.
   */
  private String inferred() {
    String marker = "/" + source + "/";
    for (String path : ingested().keySet()) {
      int at = path.indexOf(marker);
      if (!path.startsWith(landing + "/") && at > 0) {
        return path.substring(0, at);
      }
    }
    return null;
  }

  /** Rewrites one log file's paths from {@code was} to this run's landing, adding them to moved. */
  private void rewrite(Path file, String was, Set<String> moved) throws IOException {
    rewriteEntries(
        file,
        entry -> {
          String path = entry.get("path").asText();
          if (!path.startsWith(was + "/")) {
            return null;
          }
          String now = landing + path.substring(was.length());
          moved.add(now);
          return now;
        });
  }

  /**
   * Rewrites the paths of one log file's entries: {@code renamed} gives an entry's new path, or
   * null to leave it as it is.
   */
  private void rewriteEntries(Path file, Function<JsonNode, String> renamed) throws IOException {
    List<String> lines = new ArrayList<>(List.of(read(file).split("\n", -1)));
    boolean changed = false;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(i));
      String path = renamed.apply(entry);
      if (path != null) {
        entry.put("path", path);
        lines.set(i, JSON.writeValueAsString(entry));
        changed = true;
      }
    }
    if (changed) {
      // Through the FileSystem, which writes the file's checksum (.crc) that Spark checks.
      write(file, lines);
    }
  }

  /**
   * The ingested files of the log, each with the modification time it had when it was read: the
   * latest entry per path.
   */
  Map<String, Logged> ingested() {
    Map<String, Logged> files = new TreeMap<>();
    try {
      if (!fs.exists(log)) {
        return files;
      }
      List<FileStatus> batches =
          new ArrayList<>(List.of(fs.listStatus(log, p -> !p.getName().startsWith("."))));
      batches.sort((a, b) -> Long.compare(batch(a.getPath()), batch(b.getPath())));
      for (FileStatus f : batches) {
        String[] lines = read(f.getPath()).split("\n");
        for (int i = 1; i < lines.length; i++) {
          if (!lines[i].isBlank()) {
            var entry = JSON.readTree(lines[i]);
            files.put(
                entry.get("path").asText(),
                new Logged(entry.get("timestamp").asLong(), entry.get("batchId").asLong()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * Makes the stream read {@code files} (paths as the log names them) again, as new deliveries:
   * each one's entries in the log, in batches up to {@code committed}, are renamed to the path
   * joined to the batch that read it, a path no file has. Renaming again changes nothing, so a run
   * that dies after this and before its batch commits leaves the files to the next run, to be read
   * once.
   */
  void supersede(Set<String> files, long committed) {
    if (files.isEmpty()) {
      return;
    }
    try {
      for (FileStatus f : fs.listStatus(log, p -> !p.getName().startsWith("."))) {
        rewriteEntries(
            f.getPath(),
            entry -> {
              String path = entry.get("path").asText();
              long batch = entry.get("batchId").asLong();
              return files.contains(path) && batch <= committed ? path + SUPERSEDED + batch : null;
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not update the bronze checkpoint of source "
              + source
              + " ("
              + log
              + ") for the files delivered again: "
              + e.getMessage()
              + ". Check that the warehouse is writable and run again.",
          e);
    }
  }

  /** The paths, as the log names them, of the files with a superseded delivery in the log. */
  Set<String> superseded() {
    return superseded(ingested());
  }

  /** The paths of the files with a superseded delivery among {@code ingested}. */
  static Set<String> superseded(Map<String, Logged> ingested) {
    Set<String> paths = new TreeSet<>();
    for (String path : ingested.keySet()) {
      int at = path.indexOf(SUPERSEDED);
      if (at > 0) {
        paths.add(path.substring(0, at));
      }
    }
    return paths;
  }

  /**
   * The last log batch whose stream batch committed: its files are in bronze. A later log batch is
   * one a run planned and did not finish; the next run reads its files again, by their paths. -1
   * when no batch committed.
   */
  long committedLogOffset() {
    try {
      Path commits = new Path(checkpoint, "commits");
      if (!fs.exists(commits)) {
        return -1;
      }
      long last = -1;
      for (FileStatus f : fs.listStatus(commits, p -> !p.getName().startsWith("."))) {
        long b = batch(f.getPath());
        if (b != Long.MAX_VALUE) {
          last = Math.max(last, b);
        }
      }
      if (last < 0) {
        return -1;
      }
      Matcher m = LOG_OFFSET.matcher(read(new Path(checkpoint, "offsets/" + last)));
      long offset = -1;
      while (m.find()) {
        offset = Math.max(offset, Long.parseLong(m.group(1)));
      }
      return offset;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The landing folder's files under {@code folder}, as the log names them, with their mtimes. */
  static Map<String, Long> listed(Configuration conf, String folder) {
    Map<String, Long> files = new TreeMap<>();
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return files;
      }
      RemoteIterator<? extends FileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        FileStatus f = it.next();
        files.put(uri(f.getPath()), f.getModificationTime());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The fingerprints of the files this checkpoint holds as ingested. */
  Fingerprints fingerprints() {
    return Fingerprints.of(fs, checkpoint);
  }

  /** The relative path of {@code uri} under this run's landing folder. */
  String relative(String uri) {
    return uri.startsWith(landing + "/") ? uri.substring(landing.length() + 1) : uri;
  }

  private static long batch(Path p) {
    String name = p.getName();
    int dot = name.indexOf('.');
    try {
      return Long.parseLong(dot < 0 ? name : name.substring(0, dot));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** A folder as Spark's file stream writes the paths under it: scheme://authority/path. */
  private static String uri(String folder, Configuration conf) throws IOException {
    Path p = new Path(folder);
    return uri(p.getFileSystem(conf).makeQualified(p));
  }

  static String uri(Path qualified) {
    URI u = qualified.toUri();
    String path = u.getRawPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return u.getScheme() + "://" + (u.getRawAuthority() == null ? "" : u.getRawAuthority()) + path;
  }

  private String read(Path p) throws IOException {
    try (var in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void write(Path p, List<String> lines) throws IOException {
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
  }
}
