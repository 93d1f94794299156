package coopstats.bench;

import static coopstats.bench.Sql.lit;
import static coopstats.bench.Sql.q;

import coopstats.contract.LandingContract;
import coopstats.contract.SourceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every file of one source into bronze_kind: _file, then the kind's landing columns as text,
 * null where a file lacks the column. Files are read in path order and rows in file order.
 */
final class BronzeTable {
  private final DuckDb db;
  private final Path landing;
  private final Path out;
  private final LandingContract contract;
  private final SourceProfile profile;
  private final List<String> columns;
  private final String table;

  BronzeTable(DuckDb db, Path landing, Path out, LandingContract contract, SourceProfile profile) {
    this.db = db;
    this.landing = landing;
    this.out = out;
    this.contract = contract;
    this.profile = profile;
    this.columns = contract.columns().stream().map(LandingContract.Column::name).toList();
    this.table = "bronze_" + contract.kind();
  }

  /** Creates and fills the table; returns its row count. */
  long read() throws SQLException, IOException {
    db.exec(
        "CREATE OR REPLACE TABLE "
            + table
            + " (_file VARCHAR, "
            + columns.stream().map(c -> q(c) + " VARCHAR").collect(Collectors.joining(", "))
            + ")");
    for (Path file : files()) {
      String rel = landing.relativize(file).toString();
      Path readable = Utf8Files.readable(file, rel, profile, out.resolve("utf8"));
      if (profile.isJsonLines(rel)) {
        insert(rel, columns, jsonLines(readable));
      } else {
        readCsv(rel, readable);
      }
    }
    return db.count(table);
  }

  /** The source's files in path order; hidden files are not deliveries. */
  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(landing.resolve(profile.source()))) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private String jsonLines(Path file) {
    return "read_json("
        + lit(file.toString())
        + ", format = 'newline_delimited', ignore_errors = true, columns = {"
        + columns.stream().map(c -> lit(c) + ": 'VARCHAR'").collect(Collectors.joining(", "))
        + "})";
  }

  /** A CSV file by its header; one lacking a required column is skipped, as bronze skips it. */
  private void readCsv(String rel, Path file) throws SQLException, IOException {
    List<String> named = CsvHeader.columns(CsvHeader.fields(file), profile.headerMapping(contract));
    List<String> missing =
        contract.requiredColumns().stream().filter(c -> !named.contains(c)).toList();
    if (!missing.isEmpty()) {
      System.err.println(
          "peer: " + rel + " lacks required column(s) " + missing + "; its rows are not read");
      return;
    }
    insert(
        rel,
        named,
        "read_csv("
            + lit(file.toString())
            + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
            + " ignore_errors = true, max_line_size = 4000000, columns = {"
            + named.stream().map(c -> lit(c) + ": 'VARCHAR'").collect(Collectors.joining(", "))
            + "})");
  }

  private void insert(String rel, List<String> present, String from) throws SQLException {
    db.exec(
        "INSERT INTO "
            + table
            + " SELECT "
            + lit(rel)
            + ", "
            + columns.stream()
                .map(c -> present.contains(c) ? q(c) : "NULL")
                .collect(Collectors.joining(", "))
            + " FROM "
            + from);
  }
}
