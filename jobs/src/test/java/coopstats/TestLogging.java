package coopstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.Test;

/** The shipped log4j2 configuration: INFO of coopstats on stderr, and no lookups in messages. */
class TestLogging {
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
    URI shipped = TestPaths.home().resolve("jobs/src/main/resources/log4j2.properties").toUri();
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
      context.getLogger("coopstats.Pipeline").info(message, args);
      return out.toString();
    } finally {
      context.stop();
    }
  }
}
