package coopstats.gold;

import coopstats.contract.TableSchema;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Which years of a gold table a change reaches, as the predicate on year that replaces them. */
final class AffectedYears {
  private AffectedYears() {}

  /**
   * The predicate on year that covers every year whose rows depend on one of {@code years}. Built
   * from integers only, so no text of a row reaches it.
   */
  static String predicate(TableSchema.YearDependence dependence, SortedSet<Integer> years) {
    return switch (dependence) {
      case YEAR -> "year IN (" + join(years) + ")";
      case PREVIOUS_YEAR -> {
        TreeSet<Integer> withNext = new TreeSet<>(years);
        years.forEach(y -> withNext.add(y + 1));
        yield "year IN (" + join(withNext) + ")";
      }
      case EARLIER_YEARS -> "year >= " + years.first();
    };
  }

  /** The years {@code rows} fall in, from their {@code year} column. */
  static TreeSet<Integer> of(Dataset<Row> rows) {
    TreeSet<Integer> years = new TreeSet<>();
    for (Row r : rows.select("year").distinct().collectAsList()) {
      years.add(r.getInt(0));
    }
    return years;
  }

  private static String join(SortedSet<Integer> years) {
    return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
