package coopstats.contract;

import coopstats.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pairs each gold schema file with the SQL file of the same name beside it, and sorts the gold
 * tables into sums and statistics by what their SQL reads. Any mismatch is refused when {@code
 * schemas/} loads, before a run writes anything.
 */
final class GoldQueries {
  private GoldQueries() {}

  /**
   * The gold queries in the order a run computes them: the sums, then the statistics, each by name.
   *
   * @param schemaFiles every table schema file under {@code tables}, with what it declares
   */
  static List<GoldQuery> load(
      Path tables, Map<Path, TableSchema> schemaFiles, Map<String, TableSchema> declared) {
    List<GoldQuery> queries = new ArrayList<>();
    for (Path sql : sqlFiles(tables)) {
      Path yaml = sibling(sql, ".yaml");
      TableSchema schema = schemaFiles.get(yaml);
      if (schema == null) {
        throw Errors.badSchemaFile(
            sql.toString(),
            "no schema file "
                + yaml.getFileName()
                + " beside it; a gold table's SQL file sits beside its schema file, of the same"
                + " name");
      }
      if (!schema.layer().equals("gold")) {
        throw Errors.badSchemaFile(
            sql.toString(),
            yaml.getFileName()
                + " declares "
                + schema.table()
                + "; only gold tables are computed by a SQL file");
      }
      queries.add(query(sql, schema, declared));
    }
    schemaFiles.forEach(
        (yaml, schema) -> {
          if (schema.layer().equals("gold") && !Files.isRegularFile(sibling(yaml, ".sql"))) {
            throw Errors.badSchemaFile(
                yaml.toString(),
                schema.table()
                    + " has no SQL file; put the query that computes it in "
                    + sibling(yaml, ".sql").getFileName()
                    + " beside this file");
          }
        });
    for (GoldQuery q : queries) {
      checkStatisticInputs(q, queries);
    }
    queries.sort(Comparator.comparing(GoldQuery::kind).thenComparing(GoldQuery::name));
    return List.copyOf(queries);
  }

  private static GoldQuery query(Path file, TableSchema schema, Map<String, TableSchema> declared) {
    String sql;
    try {
      sql = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SqlInputs.Read read;
    try {
      read = SqlInputs.of(sql);
    } catch (IllegalArgumentException e) {
      throw Errors.badSchemaFile(file.toString(), "the query does not parse: " + e.getMessage());
    }
    String problem = null;
    if (!read.unqualified().isEmpty()) {
      problem =
          "it reads "
              + read.unqualified()
              + " without a layer; name every table as <layer>.<table>, e.g. silver.fund";
    } else if (read.tables().stream().anyMatch(t -> !declared.containsKey(t))) {
      problem =
          "it reads "
              + read.tables().stream().filter(t -> !declared.containsKey(t)).toList()
              + ", which no schema file declares";
    } else if (read.tables().stream().anyMatch(t -> t.startsWith("silver."))
        && read.tables().size() != 1) {
      problem =
          "it reads "
              + read.tables()
              + "; a gold table either sums one silver table and reads nothing else, or is a"
              + " statistic that reads gold sums tables and ref";
    }
    if (problem != null) {
      throw Errors.badSchemaFile(file.toString(), problem);
    }
    return new GoldQuery(schema.table(), file, sql, List.copyOf(read.tables()));
  }

  /**
   * A statistic reads sums tables only among gold: a run publishes every sums table before it
   * computes any statistic, and computes the statistics side by side.
   */
  private static void checkStatisticInputs(GoldQuery q, List<GoldQuery> all) {
    if (q.kind() != GoldQuery.Kind.STATISTIC) {
      return;
    }
    List<String> statistics =
        all.stream()
            .filter(o -> o.kind() == GoldQuery.Kind.STATISTIC)
            .map(GoldQuery::table)
            .filter(q.inputs()::contains)
            .toList();
    if (!statistics.isEmpty()) {
      throw Errors.badSchemaFile(
          q.file().toString(),
          "it reads "
              + statistics
              + ", which is a statistic too; a statistic reads only the gold sums tables (those"
              + " that sum one silver table) and ref");
    }
  }

  private static Path sibling(Path file, String extension) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
  }

  private static List<Path> sqlFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
