package coopstats.gold;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.ColumnSpec;
import coopstats.contract.GoldQuery;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import coopstats.ref.RefJob;
import coopstats.spark.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A warehouse with the real reference data and a few silver rows written inline. Each table is
 * written only when a test needs it: a silver table the test gives no rows is written empty before
 * the first statistic, and the sums are written again only after silver changed.
 */
final class GoldFixture {
  private static final List<String> KINDS = List.of("investment", "joint_lab", "training", "fund");

  final SparkSession spark = TestSpark.session();
  final Schemas schemas = Schemas.load(TestPaths.schemas());
  final Warehouse warehouse;
  private final Set<String> written = new HashSet<>();
  private boolean sumsCurrent;

  GoldFixture(Path dir) {
    warehouse = new Warehouse(spark, dir.toUri().toString());
    new RefJob(spark, warehouse, schemas).write(RefData.load(schemas));
  }

  /** Replaces silver.<kind> with rows given as alternating column names and values. */
  @SafeVarargs
  final void silver(String kind, List<Object>... rows) {
    TableSchema schema = schemas.table("silver." + kind);
    List<Row> out = new ArrayList<>();
    int line = 1;
    for (List<Object> values : rows) {
      Map<String, Object> byName = new HashMap<>();
      for (int i = 0; i < values.size(); i += 2) {
        Object v = values.get(i + 1);
        byName.put((String) values.get(i), v instanceof Double d ? BigDecimal.valueOf(d) : v);
      }
      byName.putIfAbsent("source", "test");
      byName.putIfAbsent("_file", "test/f.csv");
      byName.putIfAbsent("_line", (long) ++line);
      byName.putIfAbsent("_run_id", "r1");
      byName.putIfAbsent("_ingested_at", Timestamp.valueOf("2026-01-01 00:00:00"));
      Object[] cells = new Object[schema.columns().size()];
      for (int i = 0; i < cells.length; i++) {
        ColumnSpec c = schema.columns().get(i);
        cells[i] = byName.getOrDefault(c.name(), c.isNullable() ? null : placeholder(c));
      }
      out.add(RowFactory.create(cells));
    }
    warehouse.overwrite(spark.createDataFrame(out, schema.sparkSchema()), schema);
    written.add(kind);
    sumsCurrent = false;
  }

  /** Required columns a test does not care about. */
  private static Object placeholder(ColumnSpec c) {
    return switch (c.type()) {
      case "int" -> 0;
      case "string" -> "x";
      default -> BigDecimal.ONE;
    };
  }

  /** Rows of a gold statistic, computed from the sums of the silver rows written so far. */
  List<Row> gold(String table, String where, String orderBy) {
    for (String kind : KINDS) {
      if (!written.contains(kind)) {
        silver(kind);
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
        .orderBy(
            java.util.Arrays.stream(orderBy.split(","))
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }
}
