package coopstats.ref;

import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.spark.Parallel;
import coopstats.spark.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Writes the reference data to {@code ref.*}, one table per reference file. */
public final class RefJob {
  private final Warehouse warehouse;
  private final Schemas schemas;

  public RefJob(Warehouse warehouse, Schemas schemas) {
    this.warehouse = warehouse;
    this.schemas = schemas;
  }

  /** Writes every reference table, side by side: none reads another. */
  public void write(RefData ref) {
    Map<String, List<Map<String, Object>>> tables = ref.tables();
    Parallel.forEach(
        List.copyOf(tables.keySet()),
        table -> {
          TableSchema schema = schemas.table(table);
          List<Row> rows = tables.get(table).stream().map(r -> schema.row(spark(r))).toList();
          warehouse.overwrite(rows, schema);
        });
  }

  /** The values as Spark takes them: a date as {@link Date}. */
  private static Map<String, Object> spark(Map<String, Object> row) {
    Map<String, Object> out = new HashMap<>(row);
    out.replaceAll((column, v) -> v instanceof LocalDate d ? Date.valueOf(d) : v);
    return out;
  }
}
