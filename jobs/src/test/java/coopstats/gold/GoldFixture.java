package coopstats.gold;

import static org.apache.spark.sql.functions.col;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.ColumnSpec;
import coopstats.contract.GoldQuery;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import coopstats.ref.RefJob;
import coopstats.spark.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A warehouse with the real reference data and a few silver rows written inline. Each table is
 * written only when a test needs it: a silver table the test gives no rows is written empty before
 * the first statistic, and the sums are written again only after silver changed.
 */
final class GoldFixture {
  private static final List<String> KINDS = List.of("investment", "joint_lab", "training", "fund");

  /** The series of the silver rows a test does not give one. */
  static final String SERIES = "test";

  final SparkSession spark = TestSpark.session();
  final Schemas schemas = Schemas.load(TestPaths.schemas());
  final Warehouse warehouse;
  private final Set<String> written = new HashSet<>();
  private boolean sumsCurrent;

  GoldFixture(Path dir) {
    warehouse = new Warehouse(spark, dir.toUri().toString());
    new RefJob(warehouse, schemas).write(RefData.load(schemas));
  }

  /**
   * Replaces silver.<kind> with the rows of a text table: a line of column names, then a line per
   * row, cells apart by {@code |}, each cast to its column's type; {@code null} is null. The
   * lineage a test does not name is filled in, and any other required column gets a placeholder.
   */
  void silver(String kind, String table) {
    TableSchema schema = schemas.table("silver." + kind);
    List<String> lines = table.strip().lines().map(String::strip).toList();
    List<Row> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      Map<String, String> byName = cells(lines.get(0), lines.get(n));
      byName.putIfAbsent("source", "test");
      byName.putIfAbsent("series", SERIES);
      byName.putIfAbsent("_file", "test/f.csv");
      byName.putIfAbsent("_line", Integer.toString(n + 1));
      byName.putIfAbsent("_run_id", "r1");
      byName.putIfAbsent("_ingested_at", "2026-01-01 00:00:00");
      Object[] cells = new Object[schema.columns().size()];
      for (int i = 0; i < cells.length; i++) {
        ColumnSpec c = schema.columns().get(i);
        cells[i] = byName.getOrDefault(c.name(), c.isNullable() ? null : placeholder(c));
      }
      out.add(RowFactory.create(cells));
    }
    StructType text = new StructType();
    for (StructField f : schema.sparkSchema().fields()) {
      text = text.add(f.name(), DataTypes.StringType);
    }
    Column[] typed =
        Arrays.stream(schema.sparkSchema().fields())
            .map(f -> col(f.name()).cast(f.dataType()))
            .toArray(Column[]::new);
    List<Row> rows = spark.createDataFrame(out, text).select(typed).collectAsList();
    warehouse.overwrite(rows, schema);
    written.add(kind);
    sumsCurrent = false;
  }

  private static Map<String, String> cells(String header, String line) {
    String[] names = header.split("\\|");
    String[] values = line.split("\\|", -1);
    if (names.length != values.length) {
      throw new IllegalArgumentException(names.length + " columns, but the row has: " + line);
    }
    Map<String, String> byName = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String v = values[i].strip();
      byName.put(names[i].strip(), v.equals("null") ? null : v);
    }
    return byName;
  }

  /** Required columns a test does not care about. */
  private static String placeholder(ColumnSpec c) {
    return switch (c.type()) {
      case "int", "bigint" -> "0";
      case "string" -> "x";
      default -> "1";
    };
  }

  /** Rows of a gold statistic, computed from the sums of the silver rows written so far. */
  List<Row> gold(String table, String where, String orderBy) {
    for (String kind : KINDS) {
      if (!written.contains(kind)) {
        silver(kind, "");
      }
    }
    warehouse.registerAll();
    GoldJob job = new GoldJob(spark, warehouse, schemas);
    if (!sumsCurrent) {
      for (GoldQuery q : schemas.goldQueries()) {
        if (q.kind() == GoldQuery.Kind.SUMS) {
          warehouse.overwrite(job.compute(q), schemas.table(q.table()));
        }
      }
      sumsCurrent = true;
    }
    return job.compute(schemas.goldQuery("gold." + table))
        .where(where)
        .orderBy(Arrays.stream(orderBy.split(",")).map(functions::col).toArray(Column[]::new))
        .collectAsList();
  }
}
