package coopstats.bench;

import coopstats.contract.GoldQuery;
import coopstats.contract.LandingContract;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's peer: the pipeline's full build of a landing folder (the four canonical sources)
 * done by DuckDB. It reads the same landing files, normalises countries, units and currencies in
 * SQL over the same reference tables, applies the silver schema files' parse and quarantine rules
 * and the last-line-wins dedup, and writes silver, quarantine and gold (the pipeline's own gold
 * SQL) as Parquet.
 *
 * <p>Not done, unlike the pipeline: no Delta tables, no bronze, no incremental state or run log, no
 * snapshot sources or sources that rename columns (such as CGIT), no rescued columns, and
 * quarantine rows carry their rule but not the delivered text or the reason. Lines are rows of a
 * file in order (DuckDB's CSV reader gives no line numbers), which orders duplicates the same way.
 *
 * <p>Usage: {@code DuckPeer LANDING OUT [SCHEMAS]}; SCHEMAS defaults to {@code
 * $coopstats.home/schemas}.
 */
public final class DuckPeer {
  private final Path landing;
  private final Path out;
  private final Schemas schemas;
  private final DuckDb db;
  private final Laps laps = new Laps();

  private DuckPeer(Path landing, Path out, Schemas schemas, DuckDb db) {
    this.landing = landing;
    this.out = out;
    this.schemas = schemas;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: DuckPeer LANDING OUT [SCHEMAS]");
      System.exit(64);
    }
    Path landing = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    Path schemaDir =
        args.length > 2
            ? Path.of(args[2])
            : Path.of(System.getProperty("coopstats.home", "."), "schemas");
    if (!Files.isDirectory(landing)) {
      System.err.println("DuckPeer: the landing folder " + landing + " does not exist");
      System.exit(66);
    }
    Files.createDirectories(out);
    try (DuckDb db = DuckDb.inMemory()) {
      new DuckPeer(landing, out, Schemas.load(schemaDir), db).run();
    }
  }

  private void run() throws SQLException, IOException {
    settings();
    RefTables.load(db, schemas);
    PeerScripts.run(db);
    laps.lap("reference tables and macros");
    List<String> kinds = silver();
    laps.lap("silver.quarantine (" + QuarantineTable.write(db, kinds, out) + ")");
    gold();
  }

  private void settings() throws SQLException {
    // Fair to the pipeline's -Xmx3g on local[*]: the same memory and every core.
    db.exec("SET memory_limit = '3GB'");
    db.exec("SET threads = " + Runtime.getRuntime().availableProcessors());
    db.exec("SET temp_directory = " + Sql.lit(out.resolve("tmp").toString()));
    // Rows keep their file order, which the last-line-wins dedup needs.
    db.exec("SET preserve_insertion_order = true");
    db.exec("CREATE SCHEMA IF NOT EXISTS ref");
    db.exec("CREATE SCHEMA IF NOT EXISTS silver");
  }

  /** Bronze then silver for each kind that has a source folder; returns the kinds read. */
  private List<String> silver() throws SQLException, IOException {
    List<String> kinds = new ArrayList<>();
    for (LandingContract contract : schemas.contracts().values()) {
      SourceProfile profile = profile(contract);
      if (profile == null) {
        continue;
      }
      kinds.add(contract.kind());
      long rows = new BronzeTable(db, landing, out, contract, profile).read();
      laps.lap("read " + profile.source() + " (" + rows + " rows)");
      TableSchema silver = schemas.table(contract.silverTable());
      rows = SilverTable.build(db, silver, contract, profile, out);
      laps.lap("silver." + silver.name() + " (" + rows + " rows)");
    }
    if (kinds.isEmpty()) {
      throw new IllegalStateException(
          "no source folder of the four canonical kinds under " + landing);
    }
    return kinds;
  }

  /** The one source of a kind this peer reads: the kind's own folder, canonical columns. */
  private SourceProfile profile(LandingContract contract) {
    SourceProfile p = schemas.profiles().get(contract.kind());
    if (p == null || !Files.isDirectory(landing.resolve(p.source()))) {
      return null;
    }
    if (p.isSnapshot() || p.keyColumns().isEmpty() || !p.constantsOrEmpty().isEmpty()) {
      throw new IllegalStateException(
          "source " + p.source() + ": the peer reads incremental, keyed sources only");
    }
    return p;
  }

  /** The sums first (from silver), then the statistics (from the sums), as the pipeline does. */
  private void gold() throws SQLException, IOException {
    Files.createDirectories(out.resolve("gold"));
    db.exec("CREATE SCHEMA IF NOT EXISTS gold");
    for (GoldQuery query : schemas.goldQueries()) {
      String table = "gold." + query.name();
      db.exec("CREATE OR REPLACE TABLE " + table + " AS " + query.sql());
      db.copyToParquet("SELECT * FROM " + table, out.resolve("gold/" + query.name() + ".parquet"));
      laps.lap(table + " (" + db.count(table) + " rows)");
    }
  }
}
