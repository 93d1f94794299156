package coopstats.contract;

import coopstats.Errors;
import java.nio.file.Path;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every setting coopstats reads besides its command-line options, and how each is read.
 *
 * <p>Spark settings are named {@code spark.coopstats.<stage>.<name>}, in kebab-case as Spark's own
 * are, and read from the session's configuration, so {@code --conf}, {@code -D} and {@code
 * spark.conf().set} all reach them. For every one the precedence is: the setting, else its
 * deprecated spelling (read with a warning), else its default.
 *
 * <p>The coopstats home, the folder that holds {@code schemas/} and {@code docs/}, is {@link
 * #home()}.
 */
public final class Settings {
  private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

  /**
   * How many record keys delivered more than once are broadcast, as hashes, to rank their rows
   * apart from the rest; beyond it, every row is ranked by windows and a rebuild's displaced rows
   * get their text from bronze without a broadcast.
   */
  public static final String BROADCAST_KEYS = "spark.coopstats.silver.broadcast-keys";

  /** The camelCase spelling of {@link #BROADCAST_KEYS}, from before keys were kebab-case. */
  public static final String BROADCAST_KEYS_DEPRECATED = "spark.coopstats.silver.broadcastKeys";

  /** {@link #BROADCAST_KEYS} by default: 100,000 hashes are under 2 MB. */
  static final long DEFAULT_BROADCAST_KEYS = 100_000;

  /** The system property that names the coopstats home; {@code bin/coopstats} sets it. */
  public static final String HOME_PROPERTY = "coopstats.home";

  /** The environment variable that names the coopstats home. */
  public static final String HOME_ENV = "COOPSTATS_HOME";

  /** The environment variable that names the interactive sql prompt's history file. */
  public static final String SQL_HISTORY_ENV = "COOPSTATS_SQL_HISTORY";

  private Settings() {}

  /** {@link #BROADCAST_KEYS}: a whole number, 0 or more; anything else stops the run (exit 64). */
  public static long broadcastKeys(SparkSession spark) {
    RuntimeConfig conf = spark.conf();
    String key = BROADCAST_KEYS;
    if (conf.contains(BROADCAST_KEYS_DEPRECATED)) {
      if (conf.contains(BROADCAST_KEYS)) {
        LOG.warn(
            "{} is deprecated and ignored, as {} is set as well; remove it",
            BROADCAST_KEYS_DEPRECATED,
            BROADCAST_KEYS);
      } else {
        LOG.warn("{} is deprecated; set {} instead", BROADCAST_KEYS_DEPRECATED, BROADCAST_KEYS);
        key = BROADCAST_KEYS_DEPRECATED;
      }
    }
    String value = conf.contains(key) ? conf.get(key) : Long.toString(DEFAULT_BROADCAST_KEYS);
    try {
      long keys = Long.parseLong(value.strip());
      if (keys >= 0) {
        return keys;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Errors.badOption(key, value, "a whole number of keys, 0 or more");
  }

  /**
   * The coopstats home. The one rule, for every command: an option that names a folder ({@code
   * --schemas}, {@code --out}) wins; else the system property {@code coopstats.home}; else the
   * environment variable {@code COOPSTATS_HOME}; else the current directory.
   */
  public static Path home() {
    return home(System.getProperty(HOME_PROPERTY), System.getenv(HOME_ENV));
  }

  /** {@link #home()}, given the system property's and the environment variable's values. */
  static Path home(String property, String env) {
    String home = property != null ? property : env;
    return home == null ? Path.of("") : Path.of(home);
  }

  /**
   * The interactive sql prompt's history file: {@code COOPSTATS_SQL_HISTORY}, else {@code
   * .coopstats_sql_history} in the user's home folder.
   */
  public static Path sqlHistory() {
    return sqlHistory(System.getenv(SQL_HISTORY_ENV), System.getProperty("user.home"));
  }

  /** {@link #sqlHistory()}, given the environment variable's value and the user's home. */
  static Path sqlHistory(String env, String userHome) {
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(userHome).resolve(".coopstats_sql_history");
  }

  /** The {@code schemas/} folder of {@link #home()}, unless {@code option} names another. */
  public static Path schemas(Path option) {
    return option != null ? option : home().resolve("schemas");
  }
}
