package coopstats.bronze;

import coopstats.Errors;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A landing folder: one sub-folder per source, each named after a profile. Its checks are the same
 * on any filesystem, so a local folder is checked before Spark starts and a remote one by the run.
 */
public final class LandingFolder {
  private LandingFolder() {}

  /**
   * The sources under {@code landing}, by name; a folder that is missing, is a file, cannot be
   * listed or holds a source without a profile is refused, naming the folder.
   */
  public static List<SourceProfile> sources(FileSystem fs, String landing, Schemas schemas) {
    Path root = new Path(landing);
    try {
      if (!fs.exists(root)) {
        throw Errors.missingLanding(landing);
      }
      if (!fs.getFileStatus(root).isDirectory()) {
        throw Errors.landingNotAFolder(landing);
      }
      List<SourceProfile> found = new ArrayList<>();
      for (FileStatus s : fs.listStatus(root)) {
        String name = s.getPath().getName();
        if (!s.isDirectory() || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        SourceProfile p = schemas.profiles().get(name);
        if (p == null) {
          throw Errors.unknownSource(s.getPath().toString(), schemas.profiles().keySet());
        }
        found.add(p);
      }
      found.sort(Comparator.comparing(SourceProfile::source));
      return found;
    } catch (IOException e) {
      throw Errors.unreadableFolder(landing, e);
    }
  }

  /**
   * Checks a local landing folder ({@code file:} URI) without Spark, so that a wrong {@code
   * --landing} is refused at once and leaves no warehouse behind; another filesystem's folder is
   * left to the run, which has Spark's Hadoop settings (hosts, credentials) to reach it.
   */
  public static void checkLocal(String landing, Schemas schemas) {
    if (!"file".equals(new Path(landing).toUri().getScheme())) {
      return;
    }
    try {
      FileSystem fs = FileSystem.getLocal(new Configuration());
      // Named as the run names it (file:/...), so that the messages are the same either way.
      sources(fs, fs.makeQualified(new Path(landing)).toString(), schemas);
    } catch (IOException e) {
      throw Errors.unreadableFolder(landing, e);
    }
  }
}
