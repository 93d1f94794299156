package coopstats.cli;

import coopstats.CoopstatsException;
import coopstats.ExitCodes;
import coopstats.Redact;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code coopstats} command. */
@Command(
    name = "coopstats",
    mixinStandardHelpOptions = true,
    version = "coopstats 0.1.0",
    description =
        "Statistics on international cooperation in science and technology, on Spark and Delta Lake.",
    subcommands = {
      RunCommand.class,
      BackfillCommand.class,
      SqlCommand.class,
      StatusCommand.class,
      DocsCommand.class,
      NotebookCommand.class,
      KernelCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      GenerateCommand.class,
      MaintainCommand.class
    })
public final class Main {
  /** The log configuration {@code --verbose} puts in place of the shipped one. */
  static final String VERBOSE_LOGS = "/log4j2-verbose.properties";

  /**
   * Quiet by default: coopstats' progress and the warnings a user can act on. {@code --verbose},
   * given to any command, brings back Spark's, Delta's and Hadoop's own INFO and warnings.
   */
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Log Spark's, Delta's and Hadoop's own progress and warnings too, not only coopstats'.")
  void verbose(boolean on) {
    if (on) {
      try {
        Configurator.reconfigure(Main.class.getResource(VERBOSE_LOGS).toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static void main(String[] args) {
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    SparkSession.getActiveSession()
        .foreach(
            s -> {
              s.stop();
              return null;
            });
    System.exit(code);
  }

  /** A date option's value: an ISO date, or an error that says how to write one. */
  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a date; write it as YYYY-MM-DD, for example 2026-11-20");
    }
  }

  /** Every command, however deep, answers -V with the version coopstats itself gives. */
  private static void withVersion(CommandLine command, String[] version) {
    command
        .getSubcommands()
        .values()
        .forEach(
            sub -> {
              sub.getCommandSpec().version(version);
              withVersion(sub, version);
            });
  }

  /** Runs the command line without exiting the JVM; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    withVersion(cli, cli.getCommandSpec().version());
    cli.registerConverter(LocalDate.class, Main::date);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(Main::exitCode);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("coopstats: " + message(e));
          if (!(e instanceof CoopstatsException)) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            commandLine.getErr().print(Redact.userInfo(trace.toString()));
          }
          commandLine.getErr().flush();
          return exitCode(e);
        });
    return cli.execute(args);
  }

  static int exitCode(Throwable e) {
    return e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.of(e);
  }

  private static String message(Throwable e) {
    if (e instanceof CoopstatsException) {
      return e.getMessage();
    }
    return "internal error: "
        + Redact.userInfo(e.toString())
        + ". This is a bug; the tables keep their previous version.";
  }
}
