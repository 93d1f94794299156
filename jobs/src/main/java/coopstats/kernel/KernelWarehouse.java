package coopstats.kernel;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse folder read with Delta Kernel's default engine: {@code <root>/<layer>/<table>}, as
 * {@link coopstats.spark.Warehouse} lays it out, read whole into Spark {@link Row}s without a
 * session. For the small tables a status reads (ops, gold sums), never for silver.
 */
public final class KernelWarehouse {
  private static final String SPARK_HADOOP = "spark.hadoop.";

  private final Engine engine;
  private final String root;

  private KernelWarehouse(Engine engine, String root) {
    this.engine = engine;
    this.root = root;
  }

  /**
   * The warehouse at {@code root} (a Hadoop URI), with the Hadoop settings Spark would take: every
   * {@code -Dspark.hadoop.<key>=<value>} system property, as {@code <key>}.
   */
  public static KernelWarehouse open(String root) {
    Configuration conf = hadoopConfiguration();
    try {
      Path p = new Path(root);
      String q = p.getFileSystem(conf).makeQualified(p).toString();
      return new KernelWarehouse(
          DefaultEngine.create(conf), q.endsWith("/") ? q.substring(0, q.length() - 1) : q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Hadoop configuration with the {@code spark.hadoop.*} system properties, as Spark's. */
  public static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            k -> {
              if (k.startsWith(SPARK_HADOOP)) {
                conf.set(k.substring(SPARK_HADOOP.length()), System.getProperty(k));
              }
            });
    return conf;
  }

  /** The root as Hadoop writes it (file:/a/b), as {@link coopstats.spark.Warehouse#root}. */
  public String root() {
    return root;
  }

  /** The table's latest snapshot, or empty when there is no Delta table there. */
  private Optional<Snapshot> snapshot(String layer, String table) {
    try {
      return Optional.of(
          Table.forPath(engine, root + "/" + layer + "/" + table).getLatestSnapshot(engine));
    } catch (TableNotFoundException e) {
      return Optional.empty();
    }
  }

  public boolean exists(String layer, String table) {
    return snapshot(layer, table).isPresent();
  }

  /** Every row of the table, in no particular order, with the table's schema. */
  public List<Row> rows(String layer, String table) {
    Snapshot snapshot =
        snapshot(layer, table)
            .orElseThrow(() -> new IllegalStateException("no Delta table " + layer + "." + table));
    StructType schema = (StructType) DataType.fromJson(snapshot.getSchema().toJson());
    Scan scan = snapshot.getScanBuilder().build();
    io.delta.kernel.data.Row state = scan.getScanState(engine);
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            read(state, fileRows.next(), schema, rows);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Adds the rows of one data file, its deletion vector applied, to {@code rows}. */
  private void read(
      io.delta.kernel.data.Row state,
      io.delta.kernel.data.Row file,
      StructType schema,
      List<Row> rows)
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
        KernelRows.add(data.next(), schema, rows);
      }
    }
  }
}
