package coopstats.contract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The tables a query reads, from Spark's own parse of it (not from its text), so that comments,
 * string literals and the names of common table expressions never count as inputs.
 */
final class SqlInputs {
  /** What a query reads: tables named with their layer, and names that are neither. */
  record Read(Set<String> tables, Set<String> unqualified) {}

  private SqlInputs() {}

  /**
   * Parses {@code sql} without a catalog.
   *
   * @throws IllegalArgumentException with Spark's message when the query does not parse
   */
  static Read of(String sql) {
    LogicalPlan plan;
    try {
      plan = CatalystSqlParser$.MODULE$.parsePlan(sql);
    } catch (Exception e) {
      // Spark's message starts with the error and its position; the rest repeats the query.
      throw new IllegalArgumentException(
          String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    Read read = new Read(new TreeSet<>(), new TreeSet<>());
    Set<String> ctes = new TreeSet<>();
    walk(plan, read, ctes);
    read.unqualified().removeAll(ctes);
    return read;
  }

  private static void walk(LogicalPlan plan, Read read, Set<String> ctes) {
    if (plan instanceof UnresolvedRelation r) {
      List<String> parts = CollectionConverters.asJava(r.multipartIdentifier());
      String last = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
      if (parts.size() == 1) {
        read.unqualified().add(last);
      } else {
        read.tables().add(parts.get(parts.size() - 2).toLowerCase(Locale.ROOT) + "." + last);
      }
    }
    if (plan instanceof UnresolvedWith with) {
      CollectionConverters.asJava(with.cteRelations())
          .forEach(cte -> ctes.add(cte._1().toLowerCase(Locale.ROOT)));
    }
    // A WITH clause's queries are inner children, a subquery in an expression is neither.
    CollectionConverters.asJava(plan.children()).forEach(c -> walk(c, read, ctes));
    CollectionConverters.asJava(plan.innerChildren())
        .forEach(
            c -> {
              if (c instanceof LogicalPlan p) {
                walk(p, read, ctes);
              }
            });
    CollectionConverters.asJava(plan.subqueries()).forEach(s -> walk(s, read, ctes));
  }
}
