package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The canonical landing columns of one record kind, and the silver table the kind feeds. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LandingContract(
    String kind, String description, String silverTable, List<Column> columns)
    implements java.io.Serializable {

  /** A canonical landing column; {@code required} columns must be present in every file. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Column(String name, boolean required, String description)
      implements java.io.Serializable {}

  public List<String> requiredColumns() {
    return columns.stream().filter(Column::required).map(Column::name).toList();
  }
}
