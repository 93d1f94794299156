package coopstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.Test;

/**
 * The shipped log4j2 configurations: INFO of coopstats on stderr, no lookups in messages, and quiet
 * by default; {@code --verbose} brings back the libraries' own INFO and warnings.
 */
class TestLogging {
  static final String SHIPPED = "jobs/src/main/resources/log4j2.properties";
  static final String VERBOSE = "jobs/src/main/resources/log4j2-verbose.properties";

  /** Warnings every start or run printed, with nothing for a user to act on. */
  static final String[][] NOISE = {
    {
      "org.apache.spark.util.Utils",
      "Your hostname, vm, resolves to a loopback address: 127.0.0.1; using 192.0.2.2 instead (on"
          + " interface eth0)"
    },
    {"org.apache.spark.util.Utils", "Set SPARK_LOCAL_IP if you need to bind to another address"},
    {
      "org.apache.spark.sql.execution.datasources.v2.CreateNamespaceExec",
      "Namespace bronze was created concurrently. Ignoring."
    },
    {
      "org.apache.spark.sql.util.CaseInsensitiveStringMap",
      "Converting duplicated key path into CaseInsensitiveStringMap."
    },
    {
      "org.apache.spark.rdd.RDD",
      "RDD 41 was locally checkpointed, its lineage has been truncated and cannot be recomputed"
          + " after unpersisting"
    }
  };

  @Test
  void warningsWithNothingToActOnAreNotShownAndOtherWarningsOfTheSameClassesAre() throws Exception {
    for (String[] noise : NOISE) {
      assertThat(log(SHIPPED, noise[0], Level.WARN, noise[1])).as(noise[1]).isEmpty();
    }
    assertThat(
            log(
                SHIPPED,
                "org.apache.spark.util.Utils",
                Level.WARN,
                "Service 'sparkDriver' could not bind on port 7078. Attempting port 7079."))
        .endsWith(
            "WARN  Utils: Service 'sparkDriver' could not bind on port 7078. Attempting port"
                + " 7079.\n");
    assertThat(log(SHIPPED, "org.apache.spark.rdd.RDD", Level.WARN, "RDD 7 was unpersisted"))
        .endsWith("WARN  RDD: RDD 7 was unpersisted\n");
    assertThat(log(SHIPPED, "org.apache.spark.SparkContext", Level.INFO, "Running Spark"))
        .isEmpty();
  }

  @Test
  void verboseShowsTheLibrariesInfoAndEveryWarningWithTheSameGuards() throws Exception {
    for (String[] noise : NOISE) {
      assertThat(log(VERBOSE, noise[0], Level.WARN, noise[1]))
          .endsWith(noise[0].substring(noise[0].lastIndexOf('.') + 1) + ": " + noise[1] + "\n");
    }
    assertThat(log(VERBOSE, "org.apache.spark.SparkContext", Level.INFO, "Running Spark"))
        .endsWith("INFO  SparkContext: Running Spark\n");
    assertThat(
            log(
                VERBOSE,
                "org.apache.hadoop.fs.FileSystem",
                Level.INFO,
                "opening s3a://AKIA:S3cretPw@bucket/landing at ${sys:user.home}"))
        .endsWith("INFO  FileSystem: opening s3a://***@bucket/landing at ${sys:user.home}\n");
  }

  /** {@code --verbose}, given to a command, puts the verbose configuration in place. */
  @Test
  void theVerboseOptionOfAnyCommandSwitchesTheConfiguration() throws Exception {
    org.apache.logging.log4j.core.LoggerContext current =
        (org.apache.logging.log4j.core.LoggerContext) LogManager.getContext(false);
    String before = current.getConfiguration().getName();
    try {
      int code =
          coopstats.cli.Main.execute(
              new String[] {"docs", "--verbose", "--help"},
              new java.io.PrintWriter(new StringWriter()),
              new java.io.PrintWriter(new StringWriter()));
      assertThat(code).isZero();
      assertThat(current.getConfiguration().getName()).isEqualTo("coopstats-verbose");
    } finally {
      Configurator.reconfigure(TestLogging.class.getResource("/log4j2-test.properties").toURI());
    }
    assertThat(current.getConfiguration().getName()).isEqualTo(before);
  }

  @Test
  void lookupsInLoggedValuesAreNeverExpanded() throws Exception {
    String logged = log("landing {}", "/data/${java:version}/${sys:user.home}/${jndi:ldap://x/a}");
    assertThat(logged)
        .contains(
            "INFO  Pipeline: landing /data/${java:version}/${sys:user.home}/${jndi:ldap://x/a}")
        .doesNotContain("Java version")
        .doesNotContain(System.getProperty("user.home") + "/");
  }

  @Test
  void lookupsInTheMessageItselfAreNeverExpanded() throws Exception {
    assertThat(log("file ${sys:java.vendor} read"))
        .contains("file ${sys:java.vendor} read")
        .doesNotContain(System.getProperty("java.vendor"));
  }

  @Test
  void aPasswordInAUriIsNeverLoggedWhoeverLogsIt() throws Exception {
    assertThat(log("cannot list ftp://coop:S3cretPw@files.example.org/landing, retrying"))
        .contains("cannot list ftp://***@files.example.org/landing, retrying\n")
        .doesNotContain("S3cretPw");
    assertThat(
            log("failed", new java.io.IOException("Wrong FS: s3a://AKIA:S3cretPw@bucket/landing")))
        .contains("java.io.IOException: Wrong FS: s3a://***@bucket/landing")
        .doesNotContain("S3cretPw");
  }

  /**
   * Logs one INFO line through the shipped configuration (its loggers and its console layout) and
   * returns the text it writes. The console appender's stream is shared by every log4j context in
   * the JVM, so the line is captured by an appender with the same layout in its place.
   */
  private static String log(String message, Object... args) throws Exception {
    return log(SHIPPED, "coopstats.Pipeline", Level.INFO, message, args);
  }

  /** Logs one line at {@code level} on {@code logger} through the configuration {@code file}. */
  private static String log(String file, String logger, Level level, String message, Object... args)
      throws Exception {
    URI shipped = TestPaths.home().resolve(file).toUri();
    LoggerContext context = new LoggerContext("shipped-configuration");
    try {
      context.start(
          ConfigurationFactory.getInstance()
              .getConfiguration(context, ConfigurationSource.fromUri(shipped)));
      Configuration config = context.getConfiguration();
      StringWriter out = new StringWriter();
      Appender capture =
          WriterAppender.createAppender(
              (StringLayout) config.getAppender("stderr").getLayout(),
              null,
              out,
              "capture",
              false,
              true);
      capture.start();
      config.addAppender(capture);
      LoggerConfig root = config.getRootLogger();
      root.removeAppender("stderr");
      root.addAppender(capture, null, null);
      context.updateLoggers();
      context.getLogger(logger).log(level, message, args);
      return out.toString();
    } finally {
      context.stop();
    }
  }
}
