package coopstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.ExitCodes;
import coopstats.LoggedLines;
import coopstats.Tags;
import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.contract.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly runs on a growing landing folder: a new file changes only the rows and years it touches
 * (whatever its modification time), a later delivery of a key supersedes the earlier one, a run
 * that did not finish is put back, and a full refresh leaves what the nightly runs left.
 */
@Tag(Tags.OWN_RUNS)
public class TestIncremental {
  public static final String HEADER =
      "record_id,year,month,investor,country,sector,amount,currency,unit,is_tech\n";
  static final List<String> GOLD =
      Schemas.load(TestPaths.schemas()).goldTables().stream().map(t -> "gold." + t).toList();

  @TempDir Path dir;

  @Test
  void aNewFileChangesOnlyItsYearsAndACorrectionSupersedesTheOldRow() throws Exception {
    deliver(
        "d1.csv",
        "A,2019,March,X,Kenya,energy,100,USD,million,\n"
            + "B,2020,May,Y,Pakistan,telecommunications,200,USD,million,\n"
            + "C,2021,June,Z,Greece,transport,300,USD,million,\n");
    assertThat(run().exitCode()).isZero();
    Map<Integer, List<String>> goldFiles = filesByYear("gold", "investment_share_yearly");
    Map<Integer, List<String>> silverFiles = filesByYear("silver", "investment");
    long roi = version("gold", "program_roi_yearly");

    // An export from two years ago, copied in with its modification time kept, is still new.
    Path d2 = deliver("d2.csv", "D,2022,July,W,Kenya,energy,400,USD,million,\n");
    Files.setLastModifiedTime(d2, FileTime.from(Instant.now().minus(730, ChronoUnit.DAYS)));
    Cli second = run();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(lastRun()).isEqualTo("incremental,");
    // 2022 is new and 2023's year-on-year change depends on it; 2019 to 2021 are not rewritten.
    Map<Integer, List<String>> goldAfter = filesByYear("gold", "investment_share_yearly");
    for (int year : List.of(2019, 2020, 2021)) {
      assertThat(goldAfter.get(year)).as("gold year %d", year).isEqualTo(goldFiles.get(year));
    }
    assertThat(goldAfter).containsKey(2022);
    assertThat(filesByYear("silver", "investment"))
        .containsAllEntriesOf(silverFiles)
        .containsKey(2022);
    assertThat(version("gold", "program_roi_yearly")).as("no input of ROI changed").isEqualTo(roi);

    // B is corrected, E is delivered twice in one file, and one row is bad.
    deliver(
        "d3.csv",
        "B,2020,May,Y,Pakistan,telecommunications,250,USD,million,\n"
            + "E,2021,May,V,Greece,transport,1,USD,million,\n"
            + "E,2021,May,V,Greece,transport,2,USD,million,\n"
            + "F,2021,May,V,Atlantis,transport,2,USD,million,\n");
    Map<Integer, List<String>> goldBefore = filesByYear("gold", "investment_share_yearly");
    LoggedLines.Logged<Cli> logged = LoggedLines.everything(() -> run());
    Cli third = logged.result();
    assertThat(third.exitCode()).as(third.err()).isZero();
    // The superseded row's text is picked out of bronze by a join Spark can broadcast.
    assertThat(logged.lines()).doesNotContain("Hint (strategy=broadcast) is not supported");
    assertThat(third.out())
        .contains("4 rows read from 1 new file(s)")
        .contains("8 delivered: 5 in silver, 3 in silver.quarantine");
    assertThat(filesByYear("gold", "investment_share_yearly").get(2019))
        .isEqualTo(goldBefore.get(2019));
    // The correction of B marks its old row deleted in d1.csv's data file instead of rewriting
    // every file that shares one with it.
    assertThat(lastCommit("silver", "investment"))
        .containsEntry("operation", "MERGE")
        .containsEntry("numTargetRowsUpdated", "1")
        .containsEntry("numTargetDeletionVectorsAdded", "1")
        .containsEntry("numTargetRowsCopied", "0")
        .containsEntry("numTargetFilesRemoved", "0");
    assertThat(sql("SELECT record_id, amount_usd, _file FROM silver.investment ORDER BY ALL"))
        .containsExactly(
            "record_id,amount_usd,_file",
            "A,100000000.00,investment/d1.csv",
            "B,250000000.00,investment/d3.csv",
            "C,300000000.00,investment/d1.csv",
            "D,400000000.00,investment/d2.csv",
            "E,2000000.00,investment/d3.csv");
    assertThat(sql("SELECT file, line, rule, reason, raw FROM silver.quarantine ORDER BY ALL"))
        .containsExactly(
            "file,line,rule,reason,raw",
            "investment/d1.csv,3,superseded,a later delivery of the same record key replaced"
                + " this row: investment/d3.csv line 2,"
                + "\"B,2020,May,Y,Pakistan,telecommunications,200,USD,million,\"",
            "investment/d3.csv,3,duplicate_key,the record key is delivered again in"
                + " investment/d3.csv line 4; the last line wins,"
                + "\"E,2021,May,V,Greece,transport,1,USD,million,\"",
            "investment/d3.csv,5,unknown_country,"
                + sql("SELECT reason FROM silver.quarantine WHERE line = 5").get(1)
                + ",\"F,2021,May,V,Atlantis,transport,2,USD,million,\"");
    assertThat(
            sql(
                "SELECT year, amount_usd FROM gold.investment_share_yearly WHERE group_type ="
                    + " 'all' ORDER BY year"))
        .containsExactly(
            "year,amount_usd",
            "2019,100000000.00",
            "2020,250000000.00",
            "2021,302000000.00",
            "2022,400000000.00");

    // A full refresh from the same bronze leaves exactly what the nightly runs left.
    Map<String, List<String>> nightly = tables();
    LoggedLines.Logged<Cli> refreshed = LoggedLines.everything(() -> run("--full-refresh"));
    Cli refresh = refreshed.result();
    assertThat(refresh.exitCode()).as(refresh.err()).isZero();
    assertThat(refreshed.lines()).doesNotContain("Hint (strategy=broadcast) is not supported");
    assertThat(lastRun()).isEqualTo("rebuild,");
    assertThat(tables()).isEqualTo(nightly);

    // Past the broadcast bound, every row is ranked by windows and the displaced rows' text is
    // joined from bronze without a broadcast: the same tables again.
    TestSpark.session().conf().set(Settings.BROADCAST_KEYS, "0");
    try {
      LoggedLines.Logged<Cli> windows = LoggedLines.during(() -> run("--full-refresh"));
      assertThat(windows.result().exitCode()).as(windows.result().err()).isZero();
      assertThat(windows.lines())
          .contains(
              "silver.investment: 2 record keys come more than once, more than"
                  + " spark.coopstats.silver.broadcast-keys (0) broadcasts; every row is ranked by"
                  + " windows");
      assertThat(tables()).isEqualTo(nightly);
      TestSpark.session().conf().set(Settings.BROADCAST_KEYS, "some");
      LoggedLines.Logged<Cli> refused = LoggedLines.during(() -> run());
      Cli bad = refused.result();
      assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(refused.lines()).as("stopped before any stage").doesNotContain("stage bronze");
      assertThat(bad.err())
          .contains(
              "spark.coopstats.silver.broadcast-keys some is not valid: expected a whole number"
                  + " of keys, 0 or more");
    } finally {
      TestSpark.session().conf().unset(Settings.BROADCAST_KEYS);
    }

    // One run over all three files into a new warehouse publishes the same gold tables.
    Cli fresh =
        Cli.run(
            "run",
            "--landing",
            dir.resolve("landing").toString(),
            "--warehouse",
            dir.resolve("fresh").toString());
    assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    for (String t : GOLD) {
      assertThat(Cli.csv(dir.resolve("fresh"), "SELECT * FROM " + t + " ORDER BY ALL"))
          .as(t)
          .isEqualTo(nightly.get(t));
    }
  }

  @Test
  void theSumsFollowCorrectionsAndARunThatDidNotFinishIsPutBack() throws IOException {
    deliver(
        "d1.csv",
        // A is alone in its group; B and C share one; D has no month; E's sector is unknown.
        "A,2019,March,X,Kenya,energy,100,USD,million,\n"
            + "B,2020,May,Y,Pakistan,energy,200,USD,million,\n"
            + "C,2020,May,Y,Pakistan,energy,300,USD,million,\n"
            + "D,2021,,Z,Greece,transport,400,USD,million,\n"
            + "E,2021,,Z,Greece,basket weaving,500,USD,million,\n");
    assertThat(run().exitCode()).isZero();
    assertThat(sql("SELECT * FROM gold.investment_monthly ORDER BY ALL"))
        .containsExactly(
            "series,year,month,country_iso3,is_tech,amount_usd,records",
            "programme_records,2019,3,KEN,false,100000000.00,1",
            "programme_records,2020,5,PAK,false,500000000.00,2",
            "programme_records,2021,,GRC,,500000000.00,1",
            "programme_records,2021,,GRC,false,400000000.00,1");
    long roi = version("gold", "program_roi_yearly");
    long training = version("gold", "training_yearly");

    // A moves to 2020 and Pakistan, emptying its 2019 group; C moves to Greece; E changes only
    // its amount; F is new.
    deliver(
        "d2.csv",
        "A,2020,May,X,Pakistan,energy,100,USD,million,\n"
            + "C,2020,May,Y,Greece,energy,300,USD,million,\n"
            + "E,2021,,Z,Greece,basket weaving,50,USD,million,\n"
            + "F,2022,January,W,Kenya,telecommunications,7,USD,million,\n");
    Cli second = run();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(lastRun()).isEqualTo("incremental,");
    assertThat(sql("SELECT * FROM gold.investment_monthly ORDER BY ALL"))
        .containsExactly(
            "series,year,month,country_iso3,is_tech,amount_usd,records",
            "programme_records,2020,5,GRC,false,300000000.00,1",
            "programme_records,2020,5,PAK,false,300000000.00,2",
            "programme_records,2021,,GRC,,50000000.00,1",
            "programme_records,2021,,GRC,false,400000000.00,1",
            "programme_records,2022,1,KEN,true,7000000.00,1");
    assertThat(
            sql(
                "SELECT year, amount_usd FROM gold.investment_share_yearly WHERE group_type ="
                    + " 'all' ORDER BY year"))
        .as("2019 lost its only row")
        .containsExactly(
            "year,amount_usd", "2020,600000000.00", "2021,450000000.00", "2022,7000000.00");
    assertThat(version("gold", "training_yearly"))
        .as("silver.training unchanged")
        .isEqualTo(training);
    assertThat(version("gold", "program_roi_yearly")).as("no input of ROI changed").isEqualTo(roi);

    Map<String, List<String>> nightly = tables();
    Cli refresh = run("--full-refresh");
    assertThat(refresh.exitCode()).as(refresh.err()).isZero();
    assertThat(tables()).isEqualTo(nightly);

    // A run that did not finish is put back before the next one applies. What a run killed
    // between its silver and gold commits leaves: silver ahead of gold.
    TestSpark.session()
        .sql("DELETE FROM delta.`" + dir.resolve("warehouse/silver/investment") + "` WHERE true");
    Cli next = run();
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(lastRun()).isEqualTo("incremental,silver.investment");
    assertThat(tables()).isEqualTo(nightly);
  }

  @Test
  void aBronzeTableWithoutAChangeFeedIsReadWholeOnce() throws IOException {
    deliver("d1.csv", "A,2019,March,X,Kenya,energy,100,USD,million,\n");
    assertThat(run().exitCode()).isZero();
    // A warehouse written before bronze tables had a change feed.
    TestSpark.session()
        .sql(
            "ALTER TABLE delta.`"
                + dir.resolve("warehouse/bronze/investment")
                + "` SET TBLPROPERTIES ('delta.enableChangeDataFeed' = 'false')");
    deliver("d2.csv", "B,2020,May,Y,Pakistan,energy,200,USD,million,\n");
    Cli next = run();
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(lastRun()).isEqualTo("rebuild,");
    assertThat(sql("SELECT record_id FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id", "A", "B");

    deliver("d3.csv", "C,2021,May,Y,Pakistan,energy,300,USD,million,\n");
    Cli after = run();
    assertThat(lastRun()).isEqualTo("incremental,");
    assertThat(sql("SELECT record_id FROM silver.investment ORDER BY 1"))
        .containsExactly("record_id", "A", "B", "C");
  }

  private Path deliver(String name, String rows) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("landing/investment"));
    return Files.writeString(folder.resolve(name), HEADER + rows);
  }

  private Cli run(String... more) {
    return Cli.run(Cli.runArgs(dir, more));
  }

  private List<String> sql(String query) {
    return Cli.csv(dir.resolve("warehouse"), query);
  }

  /** How the latest run brought silver and gold up to date, and what it put back first. */
  private String lastRun() {
    return sql("SELECT mode, concat_ws(' ', restored) FROM ops.runs ORDER BY started_at DESC LIMIT 1")
        .get(1);
  }

  private long version(String layer, String table) {
    return TestSpark.session()
        .sql("DESCRIBE HISTORY delta.`" + dir.resolve("warehouse/" + layer + "/" + table) + "`")
        .agg(org.apache.spark.sql.functions.max("version"))
        .first()
        .getLong(0);
  }

  /** The operation of a table's latest commit, with its metrics. */
  private Map<String, String> lastCommit(String layer, String table) {
    Row last =
        TestSpark.session()
            .sql(
                "DESCRIBE HISTORY delta.`"
                    + dir.resolve("warehouse/" + layer + "/" + table)
                    + "` LIMIT 1")
            .first();
    Map<String, String> commit =
        new TreeMap<>(last.getJavaMap(last.fieldIndex("operationMetrics")));
    commit.put("operation", last.getAs("operation"));
    return commit;
  }

  /** The data files that hold each year's rows of a table. */
  private Map<Integer, List<String>> filesByYear(String layer, String table) {
    Map<Integer, List<String>> files = new TreeMap<>();
    for (Row r :
        TestSpark.session()
            .read()
            .format("delta")
            .load(dir.resolve("warehouse/" + layer + "/" + table).toString())
            .selectExpr("year", "_metadata.file_path AS file")
            .distinct()
            .orderBy("year", "file")
            .collectAsList()) {
      files.computeIfAbsent(r.getInt(0), y -> new java.util.ArrayList<>()).add(r.getString(1));
    }
    return files;
  }

  /** Every silver and gold table's rows, sorted. */
  private Map<String, List<String>> tables() {
    Map<String, List<String>> rows = new TreeMap<>();
    for (String t : List.of("silver.investment", "silver.quarantine")) {
      rows.put(t, sql("SELECT * FROM " + t + " ORDER BY ALL"));
    }
    for (String t : GOLD) {
      rows.put(t, sql("SELECT * FROM " + t + " ORDER BY ALL"));
    }
    return rows;
  }
}
