package coopstats.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4) as JSON: its code cells, their source, and their outputs. All
 * else in the file is kept as it was read.
 */
final class Notebook {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final ObjectNode root;

  private Notebook(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  static Notebook read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw Errors.missingNotebook(file.toString());
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw Errors.badNotebook(file.toString(), e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(root instanceof ObjectNode o)
        || root.path("nbformat").asInt() != 4
        || !root.path("cells").isArray()) {
      throw Errors.badNotebook(file.toString(), "it is not a Jupyter notebook in nbformat 4");
    }
    return new Notebook(file, o);
  }

  Path file() {
    return file;
  }

  /** The code cells, in order; each gets an id when the format asks for one and it has none. */
  List<ObjectNode> codeCells() {
    List<ObjectNode> cells = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root.withArray("cells")) {
      i++;
      if (c instanceof ObjectNode cell && "code".equals(cell.path("cell_type").asText())) {
        cells.add(cell);
      }
      if (c instanceof ObjectNode cell
          && root.path("nbformat_minor").asInt() >= 5
          && !cell.has("id")) {
        cell.put("id", "cell-" + i);
      }
    }
    return cells;
  }

  /** A cell's source; nbformat allows one string or a list of lines. */
  static String source(ObjectNode cell) {
    JsonNode s = cell.path("source");
    if (s.isArray()) {
      StringBuilder b = new StringBuilder();
      s.forEach(line -> b.append(line.asText()));
      return b.toString();
    }
    return s.asText();
  }

  static void setOutputs(ObjectNode cell, ArrayNode outputs, int executionCount) {
    cell.set("outputs", outputs);
    cell.put("execution_count", executionCount);
  }

  static ArrayNode outputs() {
    return JSON.createArrayNode();
  }

  /** Writes the notebook as Jupyter does: one-space indent, a newline at the end. */
  void write(Path to) {
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    pretty.indentArraysWith(new DefaultIndenter(" ", "\n"));
    pretty.indentObjectsWith(new DefaultIndenter(" ", "\n"));
    try {
      if (to.toAbsolutePath().getParent() != null) {
        Files.createDirectories(to.toAbsolutePath().getParent());
      }
      Files.writeString(to, JSON.writer(pretty).writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw Errors.cannotWrite(to.toString(), e.toString());
    }
  }
}
