package coopstats.bronze;

import coopstats.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a source that were delivered again under a name bronze has read. A file whose
 * modification time is the one it was read with is unchanged, and is not read for this. Otherwise
 * its content's fingerprint tells: new content is a new delivery, which the stream then reads as a
 * new file; the same content (a touched file, or a copy that did not keep modification times) is
 * not read again. A file ingested before fingerprints were kept has none to compare with, and a new
 * modification time makes it a new delivery.
 */
final class Redeliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Redeliveries.class);

  private Redeliveries() {}

  /**
   * Finds, among {@code listed} (the source's landing files as the log names them, with their
   * modification times), the files delivered again; makes the stream read them as new files, and
   * returns them relative to the landing folder. {@code sha256} fingerprints a listed file.
   */
  static List<String> find(
      IngestedFiles seen, Map<String, Long> listed, Function<String, String> sha256) {
    Map<String, IngestedFiles.Logged> ingested = seen.ingested();
    if (ingested.isEmpty()) {
      return List.of();
    }
    long committed = seen.committedLogOffset();
    Fingerprints fingerprints = seen.fingerprints();
    Map<String, Fingerprints.Print> recorded = fingerprints.read();
    Map<String, Fingerprints.Print> touched = new TreeMap<>();
    Set<String> again = new TreeSet<>();
    // A file superseded by a run that died before its batch: the stream reads it as new anyway.
    Set<String> superseded = IngestedFiles.superseded(ingested);
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, Long> file : listed.entrySet()) {
      String path = file.getKey();
      long modified = file.getValue();
      String relative = seen.relative(path);
      IngestedFiles.Logged then = ingested.get(path);
      if (then == null) {
        if (superseded.contains(path)) {
          LOG.warn("{}: delivered again under the same name; read as a new delivery", relative);
          found.add(relative);
        }
        continue;
      }
      // A file of a batch that did not commit is read again by its path, as it is now.
      if (then.modified() == modified || then.batch() > committed) {
        continue;
      }
      Fingerprints.Print print = recorded.get(relative);
      if (print != null && print.modified() == modified) {
        continue;
      }
      if (print == null) {
        LOG.warn(Errors.redeliveredUnknownContent(relative, then.modified(), modified));
      } else {
        String sha = sha256.apply(path);
        if (sha.equals(print.sha256())) {
          LOG.info(Errors.touchedAfterIngest(relative, then.modified(), modified));
          touched.put(relative, new Fingerprints.Print(sha, modified));
          continue;
        }
        LOG.warn(Errors.redelivered(relative, then.modified(), modified));
      }
      again.add(path);
      found.add(relative);
    }
    fingerprints.record(touched);
    seen.supersede(again, committed);
    return found;
  }
}
