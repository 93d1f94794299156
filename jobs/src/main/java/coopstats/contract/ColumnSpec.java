package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * One column of a table schema file.
 *
 * @param parse for silver tables, how the value is made from a bronze column (see {@code
 *     silver.Parse}); null elsewhere
 * @param from the bronze column a silver column is parsed from; defaults to the column's own name
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
    BigDecimal max)
    implements java.io.Serializable {

  public boolean isNullable() {
    return nullable == null || nullable;
  }

  public String source() {
    return from == null ? name : from;
  }
}
