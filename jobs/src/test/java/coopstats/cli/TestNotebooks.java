package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.Cli;
import coopstats.SampleWarehouse;
import coopstats.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every analyst notebook executes against the sample, and every SQL cell returns rows. */
class TestNotebooks {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void everyNotebookRunsAndEveryCellReturnsRows() throws Exception {
    List<Path> notebooks;
    try (Stream<Path> s = Files.list(TestPaths.home().resolve("notebooks"))) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertThat(notebooks.stream().map(p -> p.getFileName().toString()))
        .contains("partner_share.ipynb", "tech_ratios.ipynb", "program_roi.ipynb");
    for (Path nb : notebooks) {
      Path out = dir.resolve(nb.getFileName());
      Cli run =
          Cli.run(
              "notebook",
              "run",
              nb.toString(),
              "--out",
              out.toString(),
              "--warehouse",
              SampleWarehouse.get().toString());
      assertThat(run.exitCode()).as(nb + ": " + run.err()).isZero();

      JsonNode before = JSON.readTree(nb.toFile());
      JsonNode after = JSON.readTree(out.toFile());
      assertThat(after.get("cells")).hasSameSizeAs(before.get("cells"));
      int count = 0;
      for (JsonNode cell : after.get("cells")) {
        if (!cell.get("cell_type").asText().equals("code")) {
          continue;
        }
        count++;
        String where = nb.getFileName() + ", code cell " + count;
        assertThat(cell.get("execution_count").asInt()).as(where).isEqualTo(count);
        assertThat(cell.get("outputs")).as(where).isNotEmpty();
        for (JsonNode o : cell.get("outputs")) {
          assertThat(o.get("output_type").asText())
              .as(where + ": " + o)
              .isEqualTo("execute_result");
          assertThat(o.at("/metadata/coopstats/rows").asInt()).as(where + " is empty").isPositive();
          assertThat(o.at("/data/text~1html").asText()).as(where).startsWith("<table");
          assertThat(o.at("/data/text~1plain").asText()).as(where).contains(" | ");
        }
      }
      assertThat(count).as(nb + " has SQL cells").isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aFailingCellGetsAnErrorOutputAndTheRunExits64() throws Exception {
    Path nb = dir.resolve("bad.ipynb");
    Files.writeString(
        nb,
        """
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
         "cells": [
          {"cell_type": "code", "id": "a", "metadata": {}, "execution_count": null, "outputs": [],
           "source": ["%%sql\\n", "SELECT 1 AS one"]},
          {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": null, "outputs": [],
           "source": "SELECT * FROM gold.no_such_table"},
          {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null, "outputs": [],
           "source": "SELECT 3 AS never"}]}
        """);

    Cli run =
        Cli.run("notebook", "run", nb.toString(), "--warehouse", SampleWarehouse.get().toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(64);
    assertThat(run.err())
        .contains(
            "notebook " + nb + ", code cell 2 failed: the query failed: [TABLE_OR_VIEW_NOT_FOUND]");
    JsonNode cells = JSON.readTree(nb.toFile()).get("cells");
    List<String> outputs = new ArrayList<>();
    cells.forEach(c -> outputs.add(c.get("outputs").toString()));
    assertThat(cells.get(0).at("/outputs/0/data/text~1plain").asText())
        .isEqualTo("one\n---\n1\n(1 row)");
    assertThat(cells.get(1).at("/outputs/0/output_type").asText()).isEqualTo("error");
    assertThat(cells.get(2).get("outputs")).as(outputs.toString()).isEmpty();
  }
}
