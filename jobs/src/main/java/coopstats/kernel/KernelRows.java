package coopstats.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Kernel's column vectors as the values Spark's {@link Row#get} returns: dates as {@link Date},
 * timestamps as {@link Timestamp}, maps and arrays as Scala collections.
 */
final class KernelRows {
  private KernelRows() {}

  /** Adds the batch's selected rows, as Spark rows of {@code schema} (columns found by name). */
  static void add(FilteredColumnarBatch filtered, StructType schema, List<Row> rows) {
    ColumnarBatch batch = filtered.getData();
    Optional<ColumnVector> selected = filtered.getSelectionVector();
    String[] names = schema.fieldNames();
    ColumnVector[] columns = new ColumnVector[names.length];
    for (int c = 0; c < names.length; c++) {
      columns[c] = batch.getColumnVector(batch.getSchema().indexOf(names[c]));
    }
    for (int i = 0; i < batch.getSize(); i++) {
      if (selected.isPresent() && (selected.get().isNullAt(i) || !selected.get().getBoolean(i))) {
        continue;
      }
      Object[] values = new Object[names.length];
      for (int c = 0; c < names.length; c++) {
        values[c] = value(columns[c], i);
      }
      rows.add(new GenericRowWithSchema(values, schema));
    }
  }

  static Object value(ColumnVector v, int i) {
    if (v.isNullAt(i)) {
      return null;
    }
    DataType t = v.getDataType();
    if (t instanceof StringType) {
      return v.getString(i);
    } else if (t instanceof IntegerType) {
      return v.getInt(i);
    } else if (t instanceof LongType) {
      return v.getLong(i);
    } else if (t instanceof DoubleType) {
      return v.getDouble(i);
    } else if (t instanceof BooleanType) {
      return v.getBoolean(i);
    } else if (t instanceof DecimalType) {
      return v.getDecimal(i);
    } else if (t instanceof DateType) {
      return Date.valueOf(LocalDate.ofEpochDay(v.getInt(i)));
    } else if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      long micros = v.getLong(i);
      return Timestamp.from(
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000));
    } else if (t instanceof ShortType) {
      return v.getShort(i);
    } else if (t instanceof ByteType) {
      return v.getByte(i);
    } else if (t instanceof FloatType) {
      return v.getFloat(i);
    } else if (t instanceof MapType) {
      return map(v.getMap(i));
    } else if (t instanceof ArrayType) {
      return CollectionConverters.asScala(list(v.getArray(i))).toSeq();
    }
    throw new IllegalArgumentException("no Kernel reader here for a column of type " + t);
  }

  private static scala.collection.Map<Object, Object> map(MapValue v) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int j = 0; j < v.getSize(); j++) {
      m.put(value(v.getKeys(), j), value(v.getValues(), j));
    }
    return CollectionConverters.asScala(m);
  }

  private static List<Object> list(ArrayValue v) {
    List<Object> l = new ArrayList<>();
    for (int j = 0; j < v.getSize(); j++) {
      l.add(value(v.getElements(), j));
    }
    return l;
  }
}
