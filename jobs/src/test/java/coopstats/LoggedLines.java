package coopstats;

import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** What coopstats logs at INFO and above while some work runs, one message per line. */
public final class LoggedLines {
  private LoggedLines() {}

  /** A result and the lines logged while it was computed. */
  public record Logged<T>(T result, String lines) {}

  public static <T> Logged<T> during(Callable<T> work) throws Exception {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    LoggerConfig coopstats = context.getConfiguration().getLoggerConfig("coopstats");
    StringWriter out = new StringWriter();
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("coopstats-test-capture")
            .setTarget(out)
            .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
            .build();
    appender.start();
    coopstats.addAppender(appender, Level.INFO, null);
    context.updateLoggers();
    try {
      T result = work.call();
      return new Logged<>(result, out.toString());
    } finally {
      coopstats.removeAppender(appender.getName());
      context.updateLoggers();
      appender.stop();
    }
  }
}
