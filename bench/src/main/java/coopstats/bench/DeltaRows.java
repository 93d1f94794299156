package coopstats.bench;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
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
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A Delta table's rows, read with Delta Kernel only, so that the comparison needs no Spark. */
final class DeltaRows {
  private DeltaRows() {}

  /** The latest snapshot's rows, each as column name to value, for the given columns. */
  static List<Map<String, Object>> read(Engine engine, Path path, List<String> columns)
      throws IOException {
    Snapshot snapshot = Table.forPath(engine, path.toUri().toString()).getLatestSnapshot(engine);
    Scan scan = snapshot.getScanBuilder().build();
    Row state = scan.getScanState(engine);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            readFile(engine, state, fileRows.next(), columns, rows);
          }
        }
      }
    }
    return rows;
  }

  /** Adds one data file's rows, with the scan's deletion vectors and partition values applied. */
  private static void readFile(
      Engine engine, Row state, Row file, List<String> columns, List<Map<String, Object>> rows)
      throws IOException {
    CloseableIterator<ColumnarBatch> physical =
        engine
            .getParquetHandler()
            .readParquetFiles(
                Utils.singletonCloseableIterator(InternalScanFileUtils.getAddFileStatus(file)),
                ScanStateRow.getPhysicalDataReadSchema(state),
                Optional.empty())
            .map(FileReadResult::getData);
    try (CloseableIterator<FilteredColumnarBatch> data =
        Scan.transformPhysicalData(engine, state, file, physical)) {
      while (data.hasNext()) {
        try (CloseableIterator<Row> it = data.next().getRows()) {
          while (it.hasNext()) {
            rows.add(values(it.next(), columns));
          }
        }
      }
    }
  }

  private static Map<String, Object> values(Row row, List<String> columns) {
    Map<String, Object> out = new TreeMap<>();
    for (String c : columns) {
      int i = row.getSchema().indexOf(c);
      out.put(c, row.isNullAt(i) ? null : value(row, i, row.getSchema().at(i).getDataType()));
    }
    return out;
  }

  private static Object value(Row row, int i, DataType t) {
    if (t instanceof DecimalType) {
      return row.getDecimal(i);
    } else if (t instanceof IntegerType) {
      return row.getInt(i);
    } else if (t instanceof LongType) {
      return row.getLong(i);
    } else if (t instanceof DoubleType) {
      return row.getDouble(i);
    } else if (t instanceof BooleanType) {
      return row.getBoolean(i);
    } else if (t instanceof StringType) {
      return row.getString(i);
    }
    throw new IllegalArgumentException("no reader here for a gold column of type " + t);
  }
}
