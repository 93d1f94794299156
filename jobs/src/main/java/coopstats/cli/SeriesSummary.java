package coopstats.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A gold sums table's rows summed per series, as SQL's {@code GROUP BY series} with min(year),
 * max(year) and sum(records) would: nulls are skipped, and a sum of nothing but nulls is null.
 */
final class SeriesSummary {
  static final StructType SCHEMA =
      new StructType()
          .add("series", DataTypes.StringType)
          .add("table", DataTypes.StringType)
          .add("first_year", DataTypes.IntegerType)
          .add("last_year", DataTypes.IntegerType)
          .add("records", DataTypes.LongType);

  private Integer first;
  private Integer last;
  private Long records;

  private SeriesSummary() {}

  /** One row per series: series, table, first_year, last_year, records. */
  static List<Row> of(String table, List<Row> rows) {
    Map<String, SeriesSummary> per = new LinkedHashMap<>();
    for (Row r : rows) {
      per.computeIfAbsent(r.getAs("series"), s -> new SeriesSummary()).add(r);
    }
    List<Row> out = new ArrayList<>();
    per.forEach(
        (s, sum) ->
            out.add(
                new GenericRowWithSchema(
                    new Object[] {s, table, sum.first, sum.last, sum.records}, SCHEMA)));
    return out;
  }

  private void add(Row r) {
    Integer year = r.getAs("year");
    if (year != null) {
      first = first == null ? year : Math.min(first, year);
      last = last == null ? year : Math.max(last, year);
    }
    Long n = r.getAs("records");
    if (n != null) {
      records = records == null ? n : records + n;
    }
  }
}
