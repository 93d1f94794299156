package coopstats.bronze;

import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.contract.LandingContract;
import coopstats.contract.Lineage;
import coopstats.contract.SourceProfile;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a {@code bronze.<source>} table, and how its {@code _rescued} column is written.
 */
final class BronzeSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BronzeSchema() {}

  /** The bronze schema of a source: lineage columns, then its mapped columns, all text. */
  static StructType of(SourceProfile profile, LandingContract contract) {
    StructType s =
        new StructType()
            .add(Lineage.SOURCE, DataTypes.StringType, false)
            .add(Lineage.FILE, DataTypes.StringType, false)
            .add(Lineage.LINE, DataTypes.LongType, false)
            .add(Lineage.RUN_ID, DataTypes.StringType, false)
            .add(Lineage.INGESTED_AT, DataTypes.TimestampType, false)
            .add(Lineage.RAW, DataTypes.StringType)
            .add(Lineage.ERROR, DataTypes.StringType)
            .add(Lineage.RESCUED, DataTypes.StringType)
            .add(Lineage.RULE, DataTypes.StringType)
            .add(Lineage.SHEET, DataTypes.StringType);
    for (String column : profile.headerMapping(contract).keySet()) {
      s = s.add(column, DataTypes.StringType);
    }
    return s;
  }

  /** The {@code _rescued} value of a row: the unmapped columns' values by header, as JSON. */
  static String rescued(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
