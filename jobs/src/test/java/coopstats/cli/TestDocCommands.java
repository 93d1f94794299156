package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import coopstats.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every coopstats command README.md and docs/*.md show is one the real command line accepts:
 * picocli parses it against {@link Main}'s command tree, and nothing runs. How a line is read
 * (continuations, environment prefixes, optional parts, placeholders) is in {@link DocCommands}.
 */
class TestDocCommands {

  @Test
  void everyCommandInTheDocsParses() throws IOException {
    List<DocCommands.Command> commands = docCommands();
    assertThat(commands).hasSizeGreaterThan(20);
    List<String> refused = new ArrayList<>();
    for (DocCommands.Command c : commands) {
      DocCommands.refusal(c.args())
          .ifPresent(why -> refused.add(c.where() + ": " + c.text() + "\n    " + why));
    }
    assertThat(refused).as("commands in the docs that coopstats refuses").isEmpty();
  }

  @Test
  void everySubcommandIsShownInTheDocs() throws IOException {
    Set<String> shown = new TreeSet<>();
    for (DocCommands.Command c : docCommands()) {
      if (!c.args().isEmpty()) {
        shown.add(c.args().get(0));
      }
    }
    assertThat(shown).containsAll(new CommandLine(new Main()).getSubcommands().keySet());
  }

  @Test
  void aMadeUpOptionOrAWrongValueIsRefused() {
    assertThat(check("bin/coopstats run --no-such-option")).contains("--no-such-option");
    assertThat(check("bin/coopstats run --date yesterday")).contains("--date");
    assertThat(check("bin/coopstats sql --format xml \"SELECT 1\"")).contains("--format");
    assertThat(check("bin/coopstats backfill --from 2026-11-01")).contains("--to");
    assertThat(check("bin/coopstats run --date 2026-11-20")).isEmpty();
  }

  @Test
  void linesAreReadAsAShellWouldReadThem() {
    String page =
        String.join(
            "\n",
            "Run `bin/coopstats sql --format csv < queries.sql` or",
            "`bin/coopstats run --date <yesterday>`; `JAVA_OPTS=-Xmx8g` is not a command.",
            "",
            "```",
            "$ JAVA_OPTS=\"-Xmx8g -Dx=1\" bin/coopstats run \\",
            "    --warehouse DIR [--date YYYY-MM-DD]   # a comment",
            "coopstats> SHOW TABLES IN gold;",
            "bin/coopstats sql 'SELECT \"a b\"' | head",
            "spark-submit --class coopstats.cli.Main --jars \"$(ls *.jar | paste -sd, -)\" \\",
            "  jobs/target/coopstats-jobs.jar run --full-refresh",
            "```");
    assertThat(DocCommands.extract("page.md", page))
        .extracting(DocCommands.Command::where, DocCommands.Command::args)
        .containsExactly(
            tuple("page.md:5", List.of("run", "--warehouse", "DIR", "--date", "YYYY-MM-DD")),
            tuple("page.md:8", List.of("sql", "SELECT \"a b\"")),
            tuple("page.md:9", List.of("run", "--full-refresh")),
            tuple("page.md:1", List.of("sql", "--format", "csv")),
            tuple("page.md:2", List.of("run", "--date", "<yesterday>")));
    assertThat(
            DocCommands.withSamples(List.of("run", "--warehouse", "DIR", "--date", "YYYY-MM-DD")))
        .containsExactly("run", "--warehouse", "DIR", "--date", "2026-11-20");
    assertThat(DocCommands.withSamples(List.of("status", "--limit", "N")))
        .containsExactly("status", "--limit", "1");
    assertThat(DocCommands.command("the launcher's folder, bin/coopstats")).isEmpty();
    assertThatThrownBy(() -> DocCommands.command("bin/coopstats sql \"SELECT 1"))
        .hasMessageContaining("not closed");
  }

  private static String check(String line) {
    return DocCommands.command(line).flatMap(DocCommands::refusal).orElse("");
  }

  /** README.md and every page under docs/, in a stable order. */
  private static List<DocCommands.Command> docCommands() throws IOException {
    Path home = TestPaths.home();
    List<Path> pages = new ArrayList<>(List.of(home.resolve("README.md")));
    try (Stream<Path> docs = Files.list(home.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<DocCommands.Command> commands = new ArrayList<>();
    for (Path page : pages) {
      commands.addAll(
          DocCommands.extract(home.relativize(page).toString(), Files.readString(page)));
    }
    return commands;
  }
}
