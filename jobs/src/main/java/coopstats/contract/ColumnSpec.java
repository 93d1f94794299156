package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * One column of a table schema file.
 *
 * @param parse for silver tables, how the value is made from a bronze column: a {@link ParseKind}
 *     in lower case; null elsewhere
 * @param from the bronze column a silver column is parsed from; defaults to the column's own name
 * @param acceptedValues for a column coopstats writes from a fixed set (a run's status and mode),
 *     that set; checked against the code when {@code schemas/} loads
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ColumnSpec(
    String name,
    String type,
    Boolean nullable,
    String comment,
    String parse,
    String from,
    BigDecimal min,
    BigDecimal max,
    java.util.List<String> acceptedValues)
    implements java.io.Serializable {

  /** The column's parse kind; null when it has none or names an unknown one. */
  public ParseKind parseKind() {
    return ParseKind.of(parse);
  }

  public boolean isNullable() {
    return nullable == null || nullable;
  }

  public String source() {
    return from == null ? name : from;
  }
}
