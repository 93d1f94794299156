package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.SampleWarehouse;
import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Every gold table of the sample, read as a dashboard would, with Delta Kernel and no Spark, holds
 * exactly the rows Spark reads, and the columns carry their comments.
 */
class TestKernelRead {
  final Schemas schemas = Schemas.load(TestPaths.schemas());

  @Test
  void deltaKernelReadsEveryGoldTableAsSparkDoes() throws IOException {
    String root = SampleWarehouse.get().toUri().toString();
    for (String table : schemas.goldTables()) {
      TableSchema schema = schemas.table("gold." + table);
      String path = root + "gold/" + table;

      Engine engine = DefaultEngine.create(new Configuration());
      Snapshot snapshot = Table.forPath(engine, path).getLatestSnapshot(engine);
      Map<String, String> comments = new TreeMap<>();
      for (StructField f : snapshot.getSchema().fields()) {
        comments.put(f.getName(), f.getMetadata().getString("comment"));
      }
      Map<String, String> expected = new TreeMap<>();
      schema.columns().forEach(c -> expected.put(c.name(), c.comment()));
      assertThat(comments).as(table).isEqualTo(expected);
      assertThat(snapshot.getPartitionColumnNames()).as(table).isEqualTo(schema.partitions());

      List<String> kernel = read(engine, snapshot, schema.columnNames());
      List<String> spark = new ArrayList<>();
      for (Row r : TestSpark.session().read().format("delta").load(path).collectAsList()) {
        List<String> cells = new ArrayList<>();
        for (String c : schema.columnNames()) {
          Object v = r.get(r.fieldIndex(c));
          cells.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        spark.add(String.join("|", cells));
      }
      assertThat(kernel).as(table).isNotEmpty().containsExactlyInAnyOrderElementsOf(spark);
    }
  }

  /** The table's rows, each as its columns' values joined with |, read with Delta Kernel only. */
  static List<String> read(Engine engine, Snapshot snapshot, List<String> columns)
      throws IOException {
    Scan scan = snapshot.getScanBuilder().build();
    io.delta.kernel.data.Row state = scan.getScanState(engine);
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            io.delta.kernel.data.Row file = fileRows.next();
            CloseableIterator<ColumnarBatch> physical =
                engine
                    .getParquetHandler()
                    .readParquetFiles(
                        Utils.singletonCloseableIterator(
                            InternalScanFileUtils.getAddFileStatus(file)),
                        ScanStateRow.getPhysicalDataReadSchema(state),
                        java.util.Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> data =
                Scan.transformPhysicalData(engine, state, file, physical)) {
              while (data.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> it = data.next().getRows()) {
                  while (it.hasNext()) {
                    rows.add(text(it.next(), columns));
                  }
                }
              }
            }
          }
        }
      }
    }
    return rows;
  }

  private static String text(io.delta.kernel.data.Row row, List<String> columns) {
    List<String> cells = new ArrayList<>();
    for (String c : columns) {
      int i = row.getSchema().indexOf(c);
      DataType t = row.getSchema().at(i).getDataType();
      cells.add(row.isNullAt(i) ? "null" : value(row, i, t));
    }
    return String.join("|", cells);
  }

  private static String value(io.delta.kernel.data.Row row, int i, DataType t) {
    if (t instanceof DecimalType) {
      return row.getDecimal(i).toPlainString();
    } else if (t instanceof IntegerType) {
      return String.valueOf(row.getInt(i));
    } else if (t instanceof LongType) {
      return String.valueOf(row.getLong(i));
    } else if (t instanceof DoubleType) {
      return String.valueOf(row.getDouble(i));
    } else if (t instanceof BooleanType) {
      return String.valueOf(row.getBoolean(i));
    } else if (t instanceof StringType) {
      return row.getString(i);
    }
    throw new IllegalArgumentException("no reader here for a gold column of type " + t);
  }
}
