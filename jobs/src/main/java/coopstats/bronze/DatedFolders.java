package coopstats.bronze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a source folder a run reads: everything but the {@code dt=YYYY-MM-DD} folders dated
 * after the run's logical date, which are left for their own run. The result is the path the file
 * stream reads: the folder itself, or a glob of its entries when some are left out. Files a stream
 * has not listed stay unseen in its checkpoint, so a later run still reads them.
 */
final class DatedFolders {
  private static final Logger LOG = LoggerFactory.getLogger(DatedFolders.class);
  static final String PREFIX = "dt=";
  private static final String GLOB_CHARS = "\\{}[]*?,";

  private DatedFolders() {}

  /** The stream path for {@code folder} on {@code until}; empty when every entry is left out. */
  static Optional<String> upTo(FileSystem fs, Path folder, LocalDate until) {
    String all = escape(folder.toString());
    if (until == null) {
      return Optional.of(all);
    }
    List<String> read = new ArrayList<>();
    boolean leftOut = false;
    try {
      for (FileStatus s : fs.listStatus(folder)) {
        String name = s.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue; // Spark's file listing skips these too
        }
        LocalDate dated = s.isDirectory() ? dateOf(s.getPath()) : null;
        if (dated != null && dated.isAfter(until)) {
          leftOut = true;
        } else {
          read.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!leftOut) {
      return Optional.of(all);
    }
    if (read.isEmpty()) {
      return Optional.empty();
    }
    read.sort(String::compareTo);
    return Optional.of(
        all
            + "/{"
            + read.stream().map(DatedFolders::escape).collect(Collectors.joining(","))
            + "}");
  }

  /** The date of a {@code dt=YYYY-MM-DD} folder; null for any other name. */
  static LocalDate dateOf(Path folder) {
    String name = folder.getName();
    if (!name.startsWith(PREFIX)) {
      return null;
    }
    try {
      return LocalDate.parse(name.substring(PREFIX.length()));
    } catch (DateTimeParseException e) {
      LOG.warn(
          "{} is not a dated folder (dt=YYYY-MM-DD); its files are read on every run's date."
              + " Rename it to hold them back until their date.",
          folder);
      return null;
    }
  }

  /** A path with Hadoop's glob characters escaped, so that it matches only itself. */
  static String escape(String path) {
    StringBuilder b = new StringBuilder(path.length());
    for (char c : path.toCharArray()) {
      if (GLOB_CHARS.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
