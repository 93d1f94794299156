package coopstats.gold;

import coopstats.contract.GoldQuery;
import coopstats.contract.TableSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * The columns of a silver table that a sums table's SQL reads, from Spark's analysis of the SQL
 * over the silver table's schema: the attributes of the silver rows that some step of the plan
 * refers to. Silver keeps these, and no more, of the rows a merge removes.
 */
final class SilverColumns {
  private SilverColumns() {}

  static Set<String> read(SparkSession spark, GoldQuery sums, TableSchema silver) {
    Dataset<Row> none = spark.createDataFrame(List.of(), silver.sparkSchema());
    LogicalPlan plan =
        SqlOverRows.readingRowsAs(
                sums.sql(), silver.table(), none, "coopstats_columns_" + sums.name())
            .queryExecution()
            .analyzed();
    Set<ExprId> source = new HashSet<>();
    plan.foreachWithSubqueries(
        node -> {
          if (node.children().isEmpty()) {
            CollectionConverters.asJava(node.output()).forEach(a -> source.add(a.exprId()));
          }
          return BoxedUnit.UNIT;
        });
    Set<String> read = new TreeSet<>();
    plan.foreachWithSubqueries(
        node -> {
          for (Attribute a : CollectionConverters.asJava(node.references().toSeq())) {
            if (source.contains(a.exprId())) {
              read.add(a.name());
            }
          }
          return BoxedUnit.UNIT;
        });
    read.retainAll(silver.columnNames());
    return read;
  }
}
