package coopstats;

import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** What is logged while some work runs, one message per line. */
public final class LoggedLines {
  private LoggedLines() {}

  /** A result and the lines logged while it was computed. */
  public record Logged<T>(T result, String lines) {}

  /** What coopstats logs at INFO and above, as the message alone. */
  public static <T> Logged<T> during(Callable<T> work) throws Exception {
    return capture("coopstats", "%m%n", work);
  }

  /**
   * What every logger logs at the level the test configuration gives it (Spark's and Delta's
   * warnings included), as the logger's short name and the message.
   */
  public static <T> Logged<T> everything(Callable<T> work) throws Exception {
    return capture(LogManager.ROOT_LOGGER_NAME, "%c{1}: %m%n", work);
  }

  private static <T> Logged<T> capture(String logger, String pattern, Callable<T> work)
      throws Exception {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    LoggerConfig config = context.getConfiguration().getLoggerConfig(logger);
    StringWriter out = new StringWriter();
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("coopstats-test-capture")
            .setTarget(out)
            .setLayout(PatternLayout.newBuilder().withPattern(pattern).build())
            .build();
    appender.start();
    config.addAppender(appender, Level.INFO, null);
    context.updateLoggers();
    try {
      T result = work.call();
      return new Logged<>(result, out.toString());
    } finally {
      config.removeAppender(appender.getName());
      context.updateLoggers();
      appender.stop();
    }
  }
}
