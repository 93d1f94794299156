package coopstats.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import coopstats.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code schemas/} folder, loaded once per run: table schemas with each gold table's SQL,
 * landing contracts and source profiles.
 */
public final class Schemas {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Names that become table names, folder names and SQL identifiers: lower-case letters, digits and
   * underscores, so that none can reach outside the warehouse or the landing folder, or into SQL
   * text.
   */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final Path dir;
  private final Map<String, TableSchema> tables;
  private final Map<String, LayerProperties> layers;
  private final Map<String, LandingContract> contracts;
  private final Map<String, SourceProfile> profiles;
  private final List<GoldQuery> gold;

  private Schemas(Path dir) {
    this.dir = dir;
    this.tables = new TreeMap<>();
    this.layers = TableFiles.layers(dir.resolve("tables"));
    Map<Path, TableSchema> schemaFiles = new TreeMap<>();
    Path lineageFile = dir.resolve("tables").resolve(LineageColumns.FILE);
    List<ColumnSpec> lineage = TableFiles.lineageColumns(lineageFile);
    for (Path f : yamlFiles(dir.resolve("tables"))) {
      if (f.equals(lineageFile) || f.getFileName().toString().equals(TableFiles.LAYER_FILE)) {
        continue;
      }
      TableSchema t = TableFiles.read(f, lineageFile, lineage, layers);
      tables.put(t.table(), t);
      schemaFiles.put(f, t);
    }
    this.gold = GoldQueries.load(dir.resolve("tables"), schemaFiles, tables);
    this.contracts = new TreeMap<>();
    for (Path f : yamlFiles(dir.resolve("landing"))) {
      LandingContract c = read(f, LandingContract.class);
      contracts.put(c.kind(), c);
    }
    this.profiles = new TreeMap<>();
    for (Path f : yamlFiles(dir.resolve("sources"))) {
      SourceProfile p = read(f, SourceProfile.class);
      checkName(f, "source", p.source());
      for (String series : p.allSeries()) {
        checkName(f, "series", series);
      }
      String problem = p.problem();
      if (problem != null) {
        throw Errors.badSchemaFile(f.toString(), problem);
      }
      if (!contracts.containsKey(p.kind())) {
        throw Errors.badSchemaFile(
            f.toString(), "kind '" + p.kind() + "' is not one of " + contracts.keySet());
      }
      checkSheetColumns(f, p, contracts.get(p.kind()));
      String unpivot = p.unpivotProblem(contracts.get(p.kind()));
      if (unpivot != null) {
        throw Errors.badSchemaFile(f.toString(), unpivot);
      }
      profiles.put(p.source(), p);
    }
  }

  /** A sheet may only rename the headers of columns the profile reads. */
  private static void checkSheetColumns(Path file, SourceProfile p, LandingContract contract) {
    java.util.Set<String> known = p.headerMapping(contract).keySet();
    for (SourceProfile.Sheet sheet : p.workbookSheets()) {
      if (sheet.columns() == null) {
        continue;
      }
      for (String column : sheet.columns().keySet()) {
        if (!known.contains(column)) {
          throw Errors.badSchemaFile(
              file.toString(),
              "sheet '"
                  + sheet.sheet()
                  + "' maps column '"
                  + column
                  + "', which is not one of "
                  + known
                  + ": a sheet can only give another header for a column the profile reads");
        }
      }
    }
  }

  static void checkName(Path file, String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw Errors.badSchemaFile(
          file.toString(),
          what
              + " name '"
              + name
              + "' is not allowed: use lower-case letters, digits and underscores, starting with"
              + " a letter (it names folders and tables)");
    }
  }

  /** Loads the schema folder, failing with a configuration error that names the bad file. */
  public static Schemas load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw Errors.missingSchemas(dir.toString());
    }
    return new Schemas(dir);
  }

  public Path dir() {
    return dir;
  }

  public Path refFile(String name) {
    return dir.resolve("ref").resolve(name);
  }

  public TableSchema table(String qualifiedName) {
    TableSchema t = tables.get(qualifiedName);
    if (t == null) {
      throw Errors.badSchemaFile(
          dir.resolve("tables").toString(), "no schema file declares table " + qualifiedName);
    }
    return t;
  }

  public List<TableSchema> tables() {
    return List.copyOf(tables.values());
  }

  /** Every gold table's SQL file, in the order a run computes them: the sums, then statistics. */
  public List<GoldQuery> goldQueries() {
    return gold;
  }

  /** Every gold table's name (without {@code gold.}), in the order a run computes them. */
  public List<String> goldTables() {
    return gold.stream().map(GoldQuery::name).toList();
  }

  /** The SQL file of a gold table, {@code gold.<name>}. */
  public GoldQuery goldQuery(String qualifiedName) {
    return gold.stream()
        .filter(q -> q.table().equals(qualifiedName))
        .findFirst()
        .orElseThrow(
            () ->
                Errors.badSchemaFile(
                    dir.resolve("tables").toString(),
                    "no schema file declares gold table " + qualifiedName));
  }

  public LandingContract contract(String kind) {
    return contracts.get(kind);
  }

  public Map<String, LandingContract> contracts() {
    return contracts;
  }

  public Map<String, SourceProfile> profiles() {
    return profiles;
  }

  static <T> T read(Path file, Class<T> type) {
    try {
      return YAML.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw Errors.badSchemaFile(file.toString(), e.getMessage().lines().findFirst().orElse(""));
    }
  }

  static List<Path> yamlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw Errors.missingSchemas(dir.toString());
    }
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = new ArrayList<>();
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Delta properties of a layer's tables, from its {@code _layer.yaml}. */
  public LayerProperties layer(String name) {
    return layers.get(name);
  }
}
