import coopstats.spark.Sessions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a cold run cannot go below on this stack: in a JVM launched like bin/coopstats, start the
 * application's local session, then create as many Delta tables as a run on the sample leaves
 * (args[1]), each with a hundred rows written in one commit and read back once, and stop. The
 * pipeline does at least this much Delta work per table, and usually more (its rules, its counts,
 * its incremental bookkeeping).
 */
public final class DeltaFloor {
  private DeltaFloor() {}

  public static void main(String[] args) {
    SparkSession spark = Sessions.getOrCreate(null, args[0]);
    int tables = Integer.parseInt(args[1]);
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("name", DataTypes.StringType)
            .add("amount", DataTypes.createDecimalType(22, 2));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(RowFactory.create(i, "row " + i, new java.math.BigDecimal(i).movePointLeft(2)));
    }
    for (int t = 0; t < tables; t++) {
      String path = args[0] + "/t" + t;
      spark.createDataFrame(rows, schema).write().format("delta").save(path);
      long n = spark.read().format("delta").load(path).count();
      if (n != rows.size()) {
        throw new IllegalStateException(path + " holds " + n + " rows, not " + rows.size());
      }
    }
    spark.stop();
  }
}
