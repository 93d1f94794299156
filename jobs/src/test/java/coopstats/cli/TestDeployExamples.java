package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deployment examples say what the tests run: the spark-submit line in docs/cluster.md and the
 * Airflow DAG pass the packages ClusterIT submits with, and the DAG's arguments are a valid command
 * line.
 */
class TestDeployExamples {
  @Test
  void clusterPageAndDagPassTheJarsTheClusterTestSubmits() throws IOException {
    assertThat(Files.readString(TestPaths.home().resolve("docs/cluster.md")))
        .contains("--jars \"$(ls jobs/target/submit-jars/*.jar | paste -sd, -)\" \\")
        .contains("--class coopstats.cli.Main");
    assertThat(dag())
        .contains(
            "jars=\",\".join(sorted(glob.glob(f\"{COOPSTATS_HOME}/jobs/target/submit-jars/*.jar\")))")
        .contains("java_class=\"coopstats.cli.Main\"");
  }

  @Test
  void theDagsArgumentsParseAsARunForItsLogicalDate() throws IOException {
    String dag = dag();
    Map<String, String> constants = new HashMap<>();
    Matcher c = Pattern.compile("(?m)^([A-Z_]+) = \"([^\"]*)\"$").matcher(dag);
    while (c.find()) {
      constants.put(c.group(1), c.group(2));
    }
    Matcher list = Pattern.compile("application_args=\\[(.*?)\\]", Pattern.DOTALL).matcher(dag);
    assertThat(list.find()).isTrue();
    List<String> args = new ArrayList<>();
    Matcher item = Pattern.compile("f?\"([^\"]*)\"|([A-Z_]+)").matcher(list.group(1));
    while (item.find()) {
      String value = item.group(1) != null ? item.group(1) : constants.get(item.group(2));
      for (Map.Entry<String, String> e : constants.entrySet()) {
        value = value.replace("{" + e.getKey() + "}", e.getValue());
      }
      args.add(value.replace("{{ ds }}", "2026-11-20"));
    }
    assertThat(args).startsWith("run", "--date", "2026-11-20");

    CommandLine.ParseResult parsed =
        new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
    CommandLine.ParseResult run = parsed.subcommand();
    assertThat(run.commandSpec().name()).isEqualTo("run");
    assertThat((Object) run.matchedOptionValue("--date", null)).hasToString("2026-11-20");
    assertThat((String) run.matchedOptionValue("--warehouse", ""))
        .isEqualTo(constants.get("WAREHOUSE"));
    assertThat((String) run.matchedOptionValue("--landing", ""))
        .isEqualTo(constants.get("LANDING"));
  }

  @Test
  void theCrontabLineRunsForYesterdayWithPercentEscaped() throws IOException {
    String cron = Files.readString(TestPaths.home().resolve("deploy/cron/coopstats.crontab"));
    assertThat(cron.lines().filter(l -> !l.startsWith("#") && l.contains("bin/coopstats")))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("0 2 * * *")
                    .contains("bin/coopstats run --date \"$(date -u -d yesterday +\\%F)\"")
                    .doesNotContain(" +%F"));
  }

  private static String dag() throws IOException {
    return Files.readString(TestPaths.home().resolve("deploy/airflow/coopstats_nightly.py"));
  }
}
