package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks in real Jupyter: the kernelspec {@code notebook install-kernel} writes, started by
 * Debian's nbclient, executes every notebook with the outputs {@code notebook run} writes, and a
 * failing cell stops the execution with the query's error.
 */
class NotebookKernelIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PYTHON = "/usr/bin/python3";

  /** Executes a notebook as Jupyter does; prints nbclient's CellExecutionError and exits 3. */
  static final String EXECUTE =
      """
      import sys, nbformat, nbclient
      from nbclient.exceptions import CellExecutionError
      source, target, cwd = sys.argv[1:4]
      nb = nbformat.read(source, as_version=4)
      client = nbclient.NotebookClient(nb, timeout=600, resources={"metadata": {"path": cwd}})
      code = 0
      try:
          client.execute()
      except CellExecutionError as e:
          print(e)
          code = 3
      nbformat.write(nb, target)
      sys.exit(code)
      """;

  @TempDir static Path dir;
  static Path warehouse;

  @BeforeAll
  static void installTheKernel() throws Exception {
    requireNbclient();
    warehouse = LaunchedSample.warehouse();
    Files.writeString(dir.resolve("execute.py"), EXECUTE);
    CliIT.Result install =
        CliIT.coopstats(
            "notebook",
            "install-kernel",
            "--prefix",
            dir.resolve("prefix").toString(),
            "--warehouse",
            warehouse.toString());
    assertThat(install.code()).as(install.err()).isZero();
    JsonNode spec = JSON.readTree(kernels().resolve("coopstats/kernel.json").toFile());
    assertThat(spec.get("argv").get(0).asText())
        .isEqualTo(TestPaths.home().resolve("bin/coopstats").toString());
    assertThat(spec.get("argv").toString())
        .contains("\"kernel\",\"--connection-file\",\"{connection_file}\"")
        .contains(warehouse.toString());
    assertThat(spec.get("display_name").asText()).isEqualTo("coopstats SQL");
    assertThat(spec.get("language").asText()).isEqualTo("sql");
  }

  @Test
  void everyNotebookExecutesInJupyterWithTheOutputsOfNotebookRun() throws Exception {
    List<Path> notebooks;
    try (Stream<Path> s = Files.list(TestPaths.home().resolve("notebooks"))) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertThat(notebooks).hasSizeGreaterThanOrEqualTo(4);
    for (Path nb : notebooks) {
      String name = nb.getFileName().toString();
      assertThat(JSON.readTree(nb.toFile()).at("/metadata/kernelspec/name").asText())
          .as(name + " names the kernel")
          .isEqualTo("coopstats");
      Path byRun = dir.resolve("run-" + name);
      CliIT.Result run =
          CliIT.coopstats(
              "notebook",
              "run",
              nb.toString(),
              "--out",
              byRun.toString(),
              "--warehouse",
              warehouse.toString());
      assertThat(run.code()).as(name + ": " + run.err()).isZero();
      Path byJupyter = dir.resolve("jupyter-" + name);
      CliIT.Result jupyter = nbclient(nb, byJupyter);
      assertThat(jupyter.code()).as(name + ": " + jupyter.out() + jupyter.err()).isZero();

      JsonNode executed = JSON.readTree(byJupyter.toFile());
      assertThat(executed.at("/metadata/language_info/name").asText()).isEqualTo("sql");
      List<JsonNode> expected = codeCells(JSON.readTree(byRun.toFile()));
      List<JsonNode> actual = codeCells(executed);
      assertThat(actual).as(name).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        String where = name + ", code cell " + (i + 1);
        assertThat(actual.get(i).get("execution_count").asInt()).as(where).isEqualTo(i + 1);
        JsonNode outputs = outputs(actual.get(i));
        assertThat(outputs).as(where).isNotEmpty().isEqualTo(outputs(expected.get(i)));
        assertThat(outputs.get(0).get("output_type").asText())
            .as(where)
            .isEqualTo("execute_result");
      }
    }
  }

  @Test
  void aFailingCellStopsTheNotebookWithTheQueryError() throws Exception {
    Path nb = dir.resolve("bad.ipynb");
    Files.writeString(
        nb,
        """
        {"nbformat": 4, "nbformat_minor": 5,
         "metadata": {"kernelspec": {"name": "coopstats", "display_name": "coopstats SQL",
                                     "language": "sql"}},
         "cells": [
          {"cell_type": "code", "id": "a", "metadata": {}, "execution_count": null, "outputs": [],
           "source": ["%%sql\\n", "SELECT 1 AS one"]},
          {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": null, "outputs": [],
           "source": "SELECT * FROM gold.no_such_table"},
          {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null, "outputs": [],
           "source": "SELECT 3 AS never"}]}
        """);
    Path out = dir.resolve("bad.executed.ipynb");

    CliIT.Result jupyter = nbclient(nb, out);

    assertThat(jupyter.code()).as(jupyter.out() + jupyter.err()).isEqualTo(3);
    assertThat(jupyter.out())
        .startsWith("An error occurred while executing the following cell:")
        .contains("SELECT * FROM gold.no_such_table")
        .contains("CoopstatsException: the query failed: [TABLE_OR_VIEW_NOT_FOUND]");
    List<JsonNode> cells = codeCells(JSON.readTree(out.toFile()));
    assertThat(outputs(cells.get(0)).at("/0/data/text~1plain").asText())
        .isEqualTo("one\n---\n1\n(1 row)");
    JsonNode error = cells.get(1).at("/outputs/0");
    assertThat(error.get("output_type").asText()).isEqualTo("error");
    assertThat(error.get("ename").asText()).isEqualTo("CoopstatsException");
    assertThat(error.get("evalue").asText())
        .startsWith("the query failed: [TABLE_OR_VIEW_NOT_FOUND]");
    assertThat(cells.get(2).get("outputs")).isEmpty();
  }

  private static Path kernels() {
    return dir.resolve("prefix/share/jupyter/kernels");
  }

  /** nbclient in Debian's Python, finding the kernel only in the installed prefix. */
  private static CliIT.Result nbclient(Path nb, Path out) throws IOException, InterruptedException {
    Path stdout = dir.resolve("nbclient.out");
    Path stderr = dir.resolve("nbclient.err");
    ProcessBuilder builder =
        new ProcessBuilder(
                PYTHON,
                "-B",
                dir.resolve("execute.py").toString(),
                nb.toString(),
                out.toString(),
                dir.toString())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().put("JUPYTER_PATH", dir.resolve("prefix/share/jupyter").toString());
    builder.environment().put("JUPYTER_DATA_DIR", dir.resolve("jupyter-data").toString());
    builder.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("jupyter-runtime").toString());
    builder.environment().put("JUPYTER_CONFIG_DIR", dir.resolve("jupyter-config").toString());
    Process p = builder.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("nbclient did not finish in 10 minutes: " + nb);
    }
    return new CliIT.Result(
        p.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private static List<JsonNode> codeCells(JsonNode notebook) {
    List<JsonNode> cells = new ArrayList<>();
    notebook
        .get("cells")
        .forEach(
            c -> {
              if (c.get("cell_type").asText().equals("code")) {
                cells.add(c);
              }
            });
    return cells;
  }

  /** A cell's outputs, with each text that nbformat wrote as a list of lines joined again. */
  private static JsonNode outputs(JsonNode cell) {
    JsonNode outputs = cell.get("outputs").deepCopy();
    for (JsonNode o : outputs) {
      JsonNode data = o.get("data");
      if (data instanceof ObjectNode d) {
        List<String> keys = new ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
          if (d.get(k).isArray()) {
            StringBuilder b = new StringBuilder();
            d.get(k).forEach(line -> b.append(line.asText()));
            d.put(k, b.toString());
          }
        }
      }
    }
    return outputs;
  }

  private static void requireNbclient() throws IOException, InterruptedException {
    boolean found = false;
    if (Files.isExecutable(Path.of(PYTHON))) {
      Process p =
          new ProcessBuilder(PYTHON, "-B", "-c", "import nbclient, nbformat, jupyter_client")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      found = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
    if (!found) {
      throw new AssertionError(
          "Debian's nbclient is missing: this test executes the notebooks with nbclient in "
              + PYTHON
              + ". Install Debian's python3-nbclient and jupyter-client packages (apt-get install"
              + " -y python3-nbclient jupyter-client; the build does this as root or with"
              + " password-less sudo, see .ci/ensure-test-tools).");
    }
  }
}
