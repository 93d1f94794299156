package coopstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
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

  /** Logs one INFO line through the shipped configuration and returns what reached stderr. */
  private static String log(String message, Object... args) throws Exception {
    URI shipped = TestPaths.home().resolve("jobs/src/main/resources/log4j2.properties").toUri();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    LoggerContext context = new LoggerContext("shipped-configuration");
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Configuration config =
          ConfigurationFactory.getInstance()
              .getConfiguration(context, ConfigurationSource.fromUri(shipped));
      context.start(config);
      context.getLogger("coopstats.Pipeline").info(message, args);
    } finally {
      context.stop();
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}
