package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli formats every help text with {@link String#format}; a text it cannot format (a bare
 * {@code %}) is printed raw after a warning on stderr, so every command's help renders without one.
 */
class TestHelpText {
  @Test
  void everyCommandsHelpRendersWithoutAWarning() {
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    StringBuilder help = new StringBuilder();
    try {
      render(new CommandLine(new Main()), help);
    } finally {
      System.setErr(err);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(help).contains("about 1% bad rows").contains("1% new rows per kind");
  }

  private static void render(CommandLine command, StringBuilder help) {
    help.append(command.getUsageMessage());
    command.getSubcommands().values().forEach(sub -> render(sub, help));
  }

  @Test
  void everyCommandPrintsTheVersion() {
    List<String[]> commands = new ArrayList<>();
    new CommandLine(new Main())
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              commands.add(new String[] {name, "-V"});
              sub.getSubcommands()
                  .keySet()
                  .forEach(n -> commands.add(new String[] {name, n, "-V"}));
            });
    assertThat(commands).hasSizeGreaterThan(10);
    for (String[] args : commands) {
      String command = String.join(" ", args);
      Cli version = Cli.run(args);
      assertThat(version.exitCode()).as(command).isZero();
      assertThat(version.out().strip()).as(command).isEqualTo("coopstats 0.1.0");
    }
  }

  @Test
  void aDateThatIsNotOneSaysHowToWriteIt() {
    Cli run = Cli.run("run", "--date", "2026-13-45");
    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err())
        .startsWith(
            "Invalid value for option '--date': '2026-13-45' is not a date; write it as"
                + " YYYY-MM-DD, for example 2026-11-20")
        .doesNotContain("Exception");
  }
}
