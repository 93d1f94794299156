package coopstats.bench;

import coopstats.contract.LandingContract;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * One kind's silver table from its bronze_kind: typed_kind, then checked_kind with the rules and
 * the dedup, then the view silver.table of the rows kept, written as {@code silver/table.parquet}.
 */
final class SilverTable {
  private SilverTable() {}

  /** Builds and writes the table; returns its row count. */
  static long build(
      DuckDb db, TableSchema silver, LandingContract contract, SourceProfile profile, Path out)
      throws SQLException, IOException {
    SilverSql sql = new SilverSql(silver, contract, profile);
    RuleSql rules = new RuleSql(silver, contract.kind());
    db.profiled(sql.typed());
    db.profiled(rules.checked());
    failRules(db, silver, rules);
    String view = "silver." + silver.name();
    db.exec(
        "CREATE OR REPLACE VIEW "
            + view
            + " AS SELECT "
            + sql.columnList()
            + " FROM checked_"
            + contract.kind()
            + " WHERE q_rule IS NULL");
    Files.createDirectories(out.resolve("silver"));
    db.copyToParquet("SELECT * FROM " + view, out.resolve("silver/" + silver.name() + ".parquet"));
    return db.count(view);
  }

  /** A fail rule broken by a row that reaches silver stops the peer, as it stops the pipeline. */
  private static void failRules(DuckDb db, TableSchema silver, RuleSql rules) throws SQLException {
    String counts = rules.failCounts();
    if (counts == null) {
      return;
    }
    for (Map.Entry<String, Long> broken : db.firstRow(counts).entrySet()) {
      if (broken.getValue() > 0) {
        throw new IllegalStateException(
            silver.table()
                + ": fail rule "
                + broken.getKey()
                + " is broken by "
                + broken.getValue()
                + " row(s)");
      }
    }
  }
}
