package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * One column of a table schema file.
 *
 * @param parse for silver tables, how the value is made from a bronze column: one of {@link
 *     #PARSE_KINDS} (see {@code silver.RowParser}); null elsewhere
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

  /** The parse kinds silver knows, checked when {@code schemas/} loads. */
  public static final java.util.List<String> PARSE_KINDS =
      java.util.List.of(
          "boolean",
          "country_iso3",
          "currency",
          "decimal",
          "fx_rate",
          "int",
          "is_tech",
          "lineage",
          "month",
          "text",
          "unit",
          "usd");

  public boolean isNullable() {
    return nullable == null || nullable;
  }

  public String source() {
    return from == null ? name : from;
  }
}
