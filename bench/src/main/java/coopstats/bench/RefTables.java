package coopstats.bench;

import coopstats.contract.ColumnSpec;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference tables in DuckDB, loaded with the pipeline's own loader and given the columns their
 * schema files declare, each value read from the RefData record component of the same name (name_en
 * from nameEn). Every table also gets {@code ord}, the row's place in its file, since the
 * pipeline's lookups let the first (or last) of two spellings win.
 */
final class RefTables {
  private RefTables() {}

  static void load(DuckDb db, Schemas schemas) throws SQLException {
    RefData ref = RefData.load(schemas);
    checkFxRates(ref.fxRates());
    Map<String, List<? extends Record>> rows =
        Map.of(
            "ref.country", ref.countries(),
            "ref.country_alias", ref.aliases(),
            "ref.country_group", ref.groups(),
            "ref.sector", ref.sectors(),
            "ref.fx_rate", ref.fxRates(),
            "ref.program", ref.programs());
    for (TableSchema table : schemas.tables()) {
      if (table.layer().equals("ref")) {
        List<? extends Record> values = rows.get(table.table());
        if (values == null) {
          throw new IllegalStateException(
              table.table() + " has a schema file, but the peer does not know its rows");
        }
        create(db, table, values);
      }
    }
    JdkNames.load(db, ref.countries());
  }

  private static void create(DuckDb db, TableSchema table, List<? extends Record> records)
      throws SQLException {
    db.exec(
        "CREATE TABLE "
            + table.table()
            + " ("
            + table.columns().stream()
                .map(c -> c.name() + " " + duckType(c))
                .collect(Collectors.joining(", "))
            + ", ord BIGINT)");
    List<Object[]> rows = new ArrayList<>();
    for (Record r : records) {
      Object[] row = new Object[table.columns().size() + 1];
      for (int i = 0; i < table.columns().size(); i++) {
        row[i] = value(r, table.columns().get(i).name());
      }
      row[row.length - 1] = (long) rows.size();
      rows.add(row);
    }
    db.insert(table.table(), rows);
  }

  /** The record component named as the column in camelCase; a date as JDBC takes it. */
  private static Object value(Record r, String column) {
    String name = camelCase(column);
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          Object v = c.getAccessor().invoke(r);
          return v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v;
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + name + " of " + r, e);
        }
      }
    }
    throw new IllegalStateException(
        "column " + column + " has no value in " + r.getClass().getSimpleName());
  }

  private static String camelCase(String column) {
    StringBuilder b = new StringBuilder();
    for (String part : column.split("_")) {
      b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return b.toString();
  }

  /** The DuckDB type of a schema file's (Spark DDL) type. */
  private static String duckType(ColumnSpec c) {
    String type = c.type().toLowerCase(Locale.ROOT);
    if (type.startsWith("decimal(")) {
      return type.toUpperCase(Locale.ROOT);
    }
    return switch (type) {
      case "string" -> "VARCHAR";
      case "int" -> "INTEGER";
      case "bigint" -> "BIGINT";
      case "boolean" -> "BOOLEAN";
      case "date" -> "DATE";
      case "double" -> "DOUBLE";
      default ->
          throw new IllegalStateException(
              c.name() + ": the peer has no DuckDB type for " + c.type());
    };
  }

  /** One rate per currency and year, and no more decimals than the peer's rate column holds. */
  private static void checkFxRates(List<RefData.FxRate> rates) {
    Set<String> seen = new HashSet<>();
    for (RefData.FxRate r : rates) {
      if (!seen.add(r.currency() + ":" + r.year())) {
        throw new IllegalStateException(
            "ref.fx_rate has two rates for " + r.currency() + " " + r.year() + "; keep one");
      }
      if (r.unitsPerUsd().stripTrailingZeros().scale() > 6) {
        throw new IllegalStateException(
            "ref.fx_rate " + r.currency() + " " + r.year() + ": the peer takes at most 6 decimals");
      }
    }
  }
}
