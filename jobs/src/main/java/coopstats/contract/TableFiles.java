package coopstats.contract;

import coopstats.Errors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The files of {@code schemas/tables/}: each table's schema file, the layers' and lineage's. */
final class TableFiles {
  /** The file in {@code tables/<layer>/} that holds the layer's Delta properties. */
  static final String LAYER_FILE = "_layer.yaml";

  private TableFiles() {}

  /**
   * The table of schema file {@code f}, checked: its names, parse kinds, enum columns, rules and
   * properties; with the lineage columns after its own when it says {@code lineage: true}, and its
   * layer's Delta properties.
   */
  static TableSchema read(
      Path f, Path lineageFile, List<ColumnSpec> lineage, Map<String, LayerProperties> layers) {
    TableSchema t = withLineage(f, Schemas.read(f, TableSchema.class), lineageFile, lineage);
    for (ColumnSpec c : t.columns()) {
      Schemas.checkName(f, "column", c.name().startsWith("_") ? c.name().substring(1) : c.name());
      if (c.parse() != null && c.parseKind() == null) {
        throw Errors.badSchemaFile(
            f.toString(),
            "column "
                + c.name()
                + " has parse '"
                + c.parse()
                + "', which is not one of "
                + ParseKind.spellings());
      }
    }
    String values = EnumColumns.problem(t);
    if (values != null) {
      throw Errors.badSchemaFile(f.toString(), values);
    }
    for (RuleSpec r : t.rulesOrEmpty()) {
      String problem = r.problem();
      if (problem == null && r.column() != null && t.column(r.column()).isEmpty()) {
        problem = "rule " + r.name() + " names column " + r.column() + ", which the table lacks";
      }
      if (problem != null) {
        throw Errors.badSchemaFile(f.toString(), problem);
      }
    }
    t.propertiesOrEmpty()
        .forEach(
            (key, value) -> {
              String problem = LayerProperties.propertyProblem(key, value);
              if (problem != null) {
                throw Errors.badSchemaFile(f.toString(), problem);
              }
            });
    LayerProperties layer = layers.get(t.layer());
    if (layer == null) {
      throw Errors.badSchemaFile(
          f.toString(),
          "table "
              + t.table()
              + " is in layer '"
              + t.layer()
              + "', which is not one of "
              + LayerProperties.LAYERS);
    }
    return t.withLayer(layer);
  }

  /** A table file's table, with the lineage columns after its own when it says lineage: true. */
  private static TableSchema withLineage(
      Path file, TableSchema declared, Path lineageFile, List<ColumnSpec> lineage) {
    checkTableName(file, declared.table());
    String misplaced = LineageColumns.problem(declared);
    if (misplaced != null) {
      throw Errors.badSchemaFile(file.toString(), misplaced);
    }
    if (declared.carriesLineage() && lineage == null) {
      throw Errors.badSchemaFile(
          file.toString(),
          "it says lineage: true, but "
              + lineageFile
              + " is missing; restore that file, which declares the lineage columns");
    }
    return declared.withLineage(lineage);
  }

  /** The lineage columns silver tables carry; null when the schema folder declares none. */
  static List<ColumnSpec> lineageColumns(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    LineageColumns lineage = Schemas.read(file, LineageColumns.class);
    String problem = lineage.problem();
    if (problem != null) {
      throw Errors.badSchemaFile(file.toString(), problem);
    }
    return lineage.columns();
  }

  /** Each layer's {@code tables/<layer>/_layer.yaml}, checked. */
  static Map<String, LayerProperties> layers(Path tables) {
    Map<String, LayerProperties> layers = new TreeMap<>();
    for (Path f : Schemas.yamlFiles(tables)) {
      if (f.getFileName().toString().equals(LAYER_FILE)) {
        LayerProperties l = Schemas.read(f, LayerProperties.class);
        String problem = l.problem(f.getParent().getFileName().toString());
        if (problem != null) {
          throw Errors.badSchemaFile(f.toString(), problem);
        }
        layers.put(l.layer(), l);
      }
    }
    for (String layer : LayerProperties.LAYERS) {
      if (!layers.containsKey(layer)) {
        throw Errors.badSchemaFile(
            tables.resolve(layer).resolve(LAYER_FILE).toString(),
            "it is missing, and every layer declares its tables' Delta properties in it (bronze's"
                + " change feed among them); restore it from the coopstats release");
      }
    }
    return layers;
  }

  private static void checkTableName(Path file, String table) {
    int dot = table == null ? -1 : table.indexOf('.');
    if (dot < 0) {
      throw Errors.badSchemaFile(
          file.toString(), "table '" + table + "' must be named <layer>.<table>, e.g. gold.x");
    }
    Schemas.checkName(file, "layer", table.substring(0, dot));
    Schemas.checkName(file, "table", table.substring(dot + 1));
  }
}
