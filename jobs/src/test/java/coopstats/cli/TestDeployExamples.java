package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import coopstats.ExitCodes;
import coopstats.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The deployment examples say what the tests run: the spark-submit line in docs/cluster.md and the
 * Airflow DAG pass the jars ClusterIT submits with, the DAG's arguments are a valid command line
 * for the date coopstats expects under Airflow 2 and Airflow 3, only exit codes a retry can fix are
 * retried, and the crontab line works with Debian's cron.
 */
class TestDeployExamples {

  /**
   * What each Airflow gives a run of schedule "0 2 * * *" (UTC) triggered at 2026-03-08T02:00Z.
   * Airflow 2's default timetable for a cron schedule is CronDataIntervalTimetable: the run covers
   * the interval that just ended, and its logical date ({@code ds}) is that interval's start.
   * Airflow 3's default is CronTriggerTimetable ({@code create_cron_data_intervals = False}): the
   * logical date is the trigger time, and the data interval is empty (start = end = trigger time).
   */
  private static final Map<String, Object> AIRFLOW_2 =
      Map.of(
          "ds", "2026-03-07",
          "data_interval_start", Instant.parse("2026-03-07T02:00:00Z"),
          "data_interval_end", Instant.parse("2026-03-08T02:00:00Z"));

  private static final Map<String, Object> AIRFLOW_3 =
      Map.of(
          "ds", "2026-03-08",
          "data_interval_start", Instant.parse("2026-03-08T02:00:00Z"),
          "data_interval_end", Instant.parse("2026-03-08T02:00:00Z"));

  /** The night the 02:00 run on the 8th is for: files in dt=2026-03-07 folders, as in cron. */
  private static final String NIGHT = "2026-03-07";

  @Test
  void clusterPageAndDagPassTheJarsTheClusterTestSubmits() throws IOException {
    assertThat(Files.readString(TestPaths.home().resolve("docs/cluster.md")))
        .contains("--jars \"$(ls jobs/target/submit-jars/*.jar | paste -sd, -)\" \\")
        .contains("--class coopstats.cli.Main");
    String submit = function(dag(), "spark_submit");
    assertThat(submit)
        .contains("jars = sorted(glob.glob(f\"{COOPSTATS_HOME}/jobs/target/submit-jars/*.jar\"))")
        .contains("\"--jars\",\n        \",\".join(jars),")
        .contains("\"--class\",\n        \"coopstats.cli.Main\",")
        .contains("f\"{COOPSTATS_HOME}/jobs/target/coopstats-jobs.jar\",\n        *args,");
  }

  @Test
  void theDagResolvesItsJarsOnTheWorkerNotWhenTheFileIsParsed() throws IOException {
    // Only inside the task's function: the scheduler that parses the file may have no checkout.
    assertThat(dag().lines().filter(l -> l.contains("glob.glob(")))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("    "));
  }

  @Test
  void theDagsRunIsForTheNightBeforeUnderAirflow2AndAirflow3() throws IOException {
    // {{ ds }} would differ: the night before under Airflow 2, the run's own day under Airflow 3.
    assertThat(render("{{ ds }}", AIRFLOW_2)).isEqualTo("2026-03-07");
    assertThat(render("{{ ds }}", AIRFLOW_3)).isEqualTo("2026-03-08");

    Map<String, String> constants = constants(dag());
    for (Map<String, Object> airflow : List.of(AIRFLOW_2, AIRFLOW_3)) {
      List<String> args = list(dag(), "RUN_ARGS", constants, airflow);
      assertThat(args).startsWith("run", "--date", NIGHT);

      CommandLine.ParseResult run = parse(args).subcommand();
      assertThat(run.commandSpec().name()).isEqualTo("run");
      assertThat((Object) run.matchedOptionValue("--date", null)).hasToString(NIGHT);
      assertThat((String) run.matchedOptionValue("--warehouse", ""))
          .isEqualTo(constants.get("WAREHOUSE"));
      assertThat((String) run.matchedOptionValue("--landing", ""))
          .isEqualTo(constants.get("LANDING"));
    }
  }

  @Test
  void theDagsWeeklyMaintainIsACommandLineOnTheSameWarehouseSharingTheRunsPool()
      throws IOException {
    String dag = dag();
    Map<String, String> constants = constants(dag);
    CommandLine.ParseResult maintain =
        parse(list(dag, "MAINTAIN_ARGS", constants, AIRFLOW_3)).subcommand();
    assertThat(maintain.commandSpec().name()).isEqualTo("maintain");
    assertThat((String) maintain.matchedOptionValue("--warehouse", ""))
        .isEqualTo(constants.get("WAREHOUSE"));

    assertThat(dag)
        .contains("dag_id=\"coopstats_nightly\",\n    schedule=\"0 2 * * *\",")
        .contains("dag_id=\"coopstats_maintain\",")
        .contains("schedule=\"0 6 * * 0\",")
        .contains(
            "@task(task_id=\"coopstats_run\", pool=POOL, execution_timeout=timedelta(hours=6))")
        .contains(
            "@task(task_id=\"coopstats_maintain\", pool=POOL,"
                + " execution_timeout=timedelta(hours=6))")
        .contains("airflow pools set coopstats 1");
    assertThat(constants.get("POOL")).isEqualTo("coopstats");
  }

  @Test
  void theDagRetriesOnlyWhatARetryCanFix() throws IOException {
    String dag = dag();
    Matcher noRetry = Pattern.compile("(?s)\nNO_RETRY = \\{(.*?)\n}").matcher(dag);
    assertThat(noRetry.find()).isTrue();
    Set<Integer> codes = new TreeSet<>();
    Matcher code = Pattern.compile("(?m)^\\s+(\\d+): \"").matcher(noRetry.group(1));
    while (code.find()) {
      codes.add(Integer.parseInt(code.group(1)));
    }
    assertThat(codes)
        .containsExactlyInAnyOrder(
            ExitCodes.USAGE,
            ExitCodes.DATA_ERROR,
            ExitCodes.NO_INPUT,
            ExitCodes.SOFTWARE,
            ExitCodes.CONFIG);
    assertThat(dag).contains("\nBUSY = " + ExitCodes.TEMP_FAIL + "\n");

    String submit = function(dag, "spark_submit");
    // AirflowFailException fails a task without its retries; AirflowException is retried.
    assertThat(submit)
        .contains(
            "    if code in NO_RETRY:\n        # Fails the task without retries.\n"
                + "        raise AirflowFailException(")
        .contains("    if code == BUSY:\n        raise AirflowException(")
        .endsWith(
            "    raise AirflowException(f\"spark-submit exited {code}: Spark or the cluster"
                + " failed; retrying\")\n");
    assertThat(dag)
        .contains(
            "try:  # Airflow 3: DAG and task come from the Task SDK.\n"
                + "    from airflow.sdk import DAG, task\n"
                + "except ImportError:  # Airflow 2.7 and later.\n")
        .doesNotContain("SparkSubmitOperator(");
  }

  @Test
  void theDagCompiles() throws Exception {
    // The one check that needs python3; skipped, saying so, where there is none.
    Assumptions.assumeTrue(
        onPath("python3"), "python3 is not on the PATH: the DAG file is not compiled");
    Process p =
        new ProcessBuilder(
                "python3",
                "-c",
                "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                TestPaths.home().resolve("deploy/airflow/coopstats_nightly.py").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  @Test
  void theDagsTaskFailsOrRetriesByCoopstatsExitCode(@TempDir Path dir) throws Exception {
    // Runs the DAG's own spark_submit with python3, stub airflow modules (Airflow 2's import path,
    // as airflow.sdk is absent) and a spark-submit that exits with the code it is given.
    Assumptions.assumeTrue(
        onPath("python3"), "python3 is not on the PATH: the exit-code mapping is not run");
    write(
        dir.resolve("stubs/airflow/__init__.py"),
        "class DAG:\n"
            + "    def __init__(self, **kw): pass\n"
            + "    def __enter__(self): return self\n"
            + "    def __exit__(self, *a): pass\n");
    write(
        dir.resolve("stubs/airflow/decorators/__init__.py"),
        "def task(**kw):\n    return lambda f: lambda *args: None\n");
    write(
        dir.resolve("stubs/airflow/exceptions.py"),
        "class AirflowException(Exception): pass\n"
            + "class AirflowFailException(AirflowException): pass\n");
    write(dir.resolve("home/jobs/target/submit-jars/delta.jar"), "");
    Path submit = write(dir.resolve("spark-submit"), "#!/bin/sh\nexit \"$FAKE_CODE\"\n");
    assertThat(submit.toFile().setExecutable(true)).isTrue();
    Path driver =
        write(
            dir.resolve("driver.py"),
            String.join(
                "\n",
                "import importlib.util, os, sys",
                "sys.path.insert(0, sys.argv[1])",
                "spec = importlib.util.spec_from_file_location('dag', sys.argv[2])",
                "dag = importlib.util.module_from_spec(spec)",
                "spec.loader.exec_module(dag)",
                "from airflow.exceptions import AirflowException, AirflowFailException",
                "dag.SPARK_SUBMIT = sys.argv[3]",
                "def verdict(name):",
                "    try:",
                "        dag.spark_submit(['run'])",
                "        return name + ' ok'",
                "    except AirflowFailException:",
                "        return name + ' fail'",
                "    except AirflowException:",
                "        return name + ' retry'",
                "dag.COOPSTATS_HOME = sys.argv[4]",
                "for code in sys.argv[5:]:",
                "    os.environ['FAKE_CODE'] = code",
                "    print(verdict(code))",
                "dag.COOPSTATS_HOME = sys.argv[4] + '/elsewhere'",
                "os.environ['FAKE_CODE'] = '0'",
                "print(verdict('no-jars'))",
                ""));
    List<String> command =
        new ArrayList<>(
            List.of(
                "python3",
                // No __pycache__ beside the DAG in the checkout.
                "-B",
                driver.toString(),
                dir.resolve("stubs").toString(),
                TestPaths.home().resolve("deploy/airflow/coopstats_nightly.py").toString(),
                submit.toString(),
                dir.resolve("home").toString()));
    int[] codes = {
      ExitCodes.OK,
      ExitCodes.USAGE,
      ExitCodes.DATA_ERROR,
      ExitCodes.NO_INPUT,
      ExitCodes.SOFTWARE,
      ExitCodes.CONFIG,
      ExitCodes.TEMP_FAIL,
      1,
      137
    };
    for (int code : codes) {
      command.add(String.valueOf(code));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines())
        .containsExactly(
            "0 ok",
            "64 fail",
            "65 fail",
            "66 fail",
            "70 fail",
            "78 fail",
            "75 retry",
            "1 retry",
            "137 retry",
            "no-jars fail");
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void theCrontabLineRunsForYesterdayInUtcWithDebiansCron() throws Exception {
    String cron = Files.readString(TestPaths.home().resolve("deploy/cron/coopstats.crontab"));
    // Debian's cron has no CRON_TZ: the schedule is the machine's local time.
    assertThat(cron.lines().filter(l -> l.contains("CRON_TZ") && !l.startsWith("#"))).isEmpty();
    List<String> lines = cron.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    assertThat(lines).singleElement();
    String line = lines.get(0);
    assertThat(line).startsWith("0 2 * * *  cd /opt/coopstats && bin/coopstats run ");
    // cron ends the command at the first unescaped % and turns the rest into stdin.
    assertThat(line.replace("\\%", "")).doesNotContain("%");

    Matcher date = Pattern.compile("\"(\\$\\([^)]*\\))\"").matcher(line);
    assertThat(date.find()).isTrue();
    assertThat(date.group(1)).isEqualTo("$(TZ=UTC date -d yesterday +\\%F)");
    // As cron runs it: with % unescaped, through sh -c.
    LocalDate before = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    String printed = sh("printf %s \"" + date.group(1).replace("\\%", "%") + "\"");
    LocalDate after = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    assertThat(printed).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(LocalDate.parse(printed)).isIn(before, after);

    String command =
        line.substring(line.indexOf("bin/coopstats ") + "bin/coopstats ".length())
            .replace("\"" + date.group(1) + "\"", printed);
    assertThat(command).endsWith(" >> /var/log/coopstats/run.log 2>&1");
    command = command.substring(0, command.indexOf(" >> "));
    CommandLine.ParseResult run = parse(List.of(command.split(" +"))).subcommand();
    assertThat(run.commandSpec().name()).isEqualTo("run");
    assertThat((Object) run.matchedOptionValue("--date", null)).hasToString(printed);
    assertThat((String) run.matchedOptionValue("--landing", ""))
        .isEqualTo("/data/coopstats/landing");
    assertThat((String) run.matchedOptionValue("--warehouse", ""))
        .isEqualTo("/data/coopstats/warehouse");
  }

  private static CommandLine.ParseResult parse(List<String> args) {
    CommandLine cli = new CommandLine(new Main());
    cli.registerConverter(LocalDate.class, LocalDate::parse);
    return cli.parseArgs(args.toArray(String[]::new));
  }

  /** The module's string constants, NAME = "value". */
  private static Map<String, String> constants(String dag) {
    Map<String, String> constants = new HashMap<>();
    Matcher c = Pattern.compile("(?m)^([A-Z_]+) = \"([^\"]*)\"$").matcher(dag);
    while (c.find()) {
      constants.put(c.group(1), c.group(2));
    }
    return constants;
  }

  /** A module-level list of strings, f-strings and constants, rendered as Airflow would. */
  private static List<String> list(
      String dag, String name, Map<String, String> constants, Map<String, Object> airflow) {
    Matcher list = Pattern.compile("(?m)^" + name + " = \\[(.*?)\\]$", Pattern.DOTALL).matcher(dag);
    assertThat(list.find()).as(name).isTrue();
    List<String> args = new ArrayList<>();
    Matcher item = Pattern.compile("f?\"([^\"]*)\"|([A-Z_]+)").matcher(list.group(1));
    while (item.find()) {
      String value = item.group(1) != null ? item.group(1) : constants.get(item.group(2));
      assertThat(value).as(item.group()).isNotNull();
      for (Map.Entry<String, String> e : constants.entrySet()) {
        value = value.replace("{" + e.getKey() + "}", e.getValue());
      }
      args.add(render(value, airflow));
    }
    return args;
  }

  /**
   * Renders the Jinja expressions the DAG may use: a variable, a variable through the {@code ds}
   * filter (a date as YYYY-MM-DD), and {@code macros.ds_add(..., days)}. Any other fails the test.
   */
  private static String render(String template, Map<String, Object> airflow) {
    Matcher m = Pattern.compile("\\{\\{(.*?)\\}\\}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(expression(m.group(1).strip(), airflow)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String expression(String e, Map<String, Object> airflow) {
    Matcher add = Pattern.compile("macros\\.ds_add\\((.+), (-?\\d+)\\)").matcher(e);
    if (add.matches()) {
      return LocalDate.parse(expression(add.group(1).strip(), airflow))
          .plusDays(Integer.parseInt(add.group(2)))
          .toString();
    }
    Matcher ds = Pattern.compile("(\\w+)( \\| ds)?").matcher(e);
    if (ds.matches() && airflow.containsKey(ds.group(1))) {
      Object value = airflow.get(ds.group(1));
      if (value instanceof Instant instant) {
        return ds.group(2) != null
            ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString()
            : instant.toString();
      }
      return value.toString();
    }
    return fail("no rendering for {{ " + e + " }}");
  }

  /** The body of a module-level function of the DAG file. */
  private static String function(String dag, String name) {
    Matcher f = Pattern.compile("(?ms)^def " + name + "\\(.*?\n(?=\\S)").matcher(dag);
    assertThat(f.find()).as(name).isTrue();
    return f.group().stripTrailing() + "\n";
  }

  private static String sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static String dag() throws IOException {
    return Files.readString(TestPaths.home().resolve("deploy/airflow/coopstats_nightly.py"));
  }
}
