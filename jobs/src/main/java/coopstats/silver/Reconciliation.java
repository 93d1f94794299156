package coopstats.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import coopstats.contract.LandingContract;
import coopstats.contract.Lineage;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import coopstats.spark.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Accounts for every delivered row, per file, from the tables as written: rows delivered = rows in
 * silver + rows in quarantine. A snapshot source counts its latest delivery only.
 */
public final class Reconciliation {
  /** The accounting of one delivered file. */
  public record FileCount(
      String source, String file, long delivered, long silver, long quarantined) {
    public boolean balanced() {
      return delivered == silver + quarantined;
    }
  }

  private final Warehouse warehouse;
  private final Schemas schemas;
  private final BronzeRows bronze;

  Reconciliation(Warehouse warehouse, Schemas schemas, BronzeRows bronze) {
    this.warehouse = warehouse;
    this.schemas = schemas;
    this.bronze = bronze;
  }

  /** Every delivered file's accounting, and per silver table the rows that break each warn rule. */
  record Counts(List<FileCount> files, Map<String, Map<String, Long>> warnings) {}

  /**
   * Counts every table in one query, so one job: bronze and quarantine rows per file, and silver
   * rows per file together with the rows that break each of the table's warn rules ({@code rules}
   * gives a table's rules), so that silver is read once for both.
   */
  Counts count(Map<String, SourceProfile> sources, Function<TableSchema, Rules> rules) {
    List<Dataset<Row>> counts = new ArrayList<>();
    Column noRules = functions.array().cast("array<bigint>");
    for (SourceProfile p : sources.values()) {
      if (warehouse.exists("bronze", p.source())) {
        counts.add(
            counted(
                bronze.active(p),
                col(Lineage.SOURCE),
                col(Lineage.FILE),
                "bronze." + p.source(),
                noRules));
      }
    }
    Map<String, Map<String, Long>> warnings = new TreeMap<>();
    Map<String, List<String>> ruleNames = new TreeMap<>();
    for (LandingContract c : schemas.contracts().values()) {
      TableSchema silver = schemas.table(c.silverTable());
      if (warehouse.exists("silver", silver.name())) {
        Rules r = rules.apply(silver);
        ruleNames.put(silver.table(), r.warnNames());
        Map<String, Long> zero = new LinkedHashMap<>();
        r.warnNames().forEach(n -> zero.put(n, 0L));
        warnings.put(silver.table(), zero);
        counts.add(
            counted(
                table(silver.name()),
                col("source"),
                col(Lineage.FILE),
                silver.table(),
                r.warnCounts()));
      }
    }
    if (warehouse.exists("silver", "quarantine")) {
      counts.add(
          counted(table("quarantine"), col("source"), col("file"), "silver.quarantine", noRules));
    }
    Map<String, long[]> byFile = new TreeMap<>();
    for (Row r :
        counts.stream().reduce(Dataset::union).map(Dataset::collectAsList).orElse(List.of())) {
      String table = r.getString(2);
      int slot = table.startsWith("bronze.") ? 0 : table.equals("silver.quarantine") ? 2 : 1;
      byFile.computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1), k -> new long[3])[slot] +=
          r.getLong(3);
      List<Long> broken = r.getList(4);
      for (int i = 0; i < broken.size(); i++) {
        warnings.get(table).merge(ruleNames.get(table).get(i), broken.get(i), Long::sum);
      }
    }
    List<FileCount> files = new ArrayList<>();
    byFile.forEach(
        (k, v) -> {
          String[] sf = k.split("\u0000", 2);
          files.add(new FileCount(sf[0], sf[1], v[0], v[1], v[2]));
        });
    return new Counts(files, warnings);
  }

  /** Rows per (source, file) of {@code table}, with its aggregate {@code extra} column. */
  private static Dataset<Row> counted(
      Dataset<Row> rows, Column source, Column file, String table, Column extra) {
    return rows.groupBy(source.as("source"), file.as("file"))
        .agg(functions.count("*").as("rows"), extra.as("extra"))
        .select(col("source"), col("file"), lit(table).as("table"), col("rows"), col("extra"));
  }

  private Dataset<Row> table(String name) {
    return warehouse.read("silver", name);
  }
}
