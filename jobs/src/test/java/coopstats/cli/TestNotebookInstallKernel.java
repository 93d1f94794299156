package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.Cli;
import coopstats.TestPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernelspec {@code notebook install-kernel} writes, without starting Spark or Jupyter. */
class TestNotebookInstallKernel {
  @TempDir Path dir;

  @Test
  void theKernelspecStartsThisInstallationsLauncherOnTheWarehouseMadeAbsolute() throws Exception {
    Path prefix = dir.resolve("prefix");
    Cli install =
        Cli.run(
            "notebook", "install-kernel", "--prefix", prefix.toString(), "--warehouse", "w/../wh");

    assertThat(install.exitCode()).as(install.err()).isZero();
    Path spec = prefix.resolve("share/jupyter/kernels/coopstats/kernel.json");
    assertThat(install.out()).contains("in " + spec.getParent());
    JsonNode json = new ObjectMapper().readTree(spec.toFile());
    List<String> argv = new ArrayList<>();
    json.get("argv").forEach(a -> argv.add(a.asText()));
    assertThat(argv)
        .containsExactly(
            TestPaths.home().resolve("bin/coopstats").toString(),
            "kernel",
            "--connection-file",
            "{connection_file}",
            "--warehouse",
            Path.of("wh").toAbsolutePath().toString(),
            "--schemas",
            TestPaths.schemas().toString());
    assertThat(json.get("display_name").asText()).isEqualTo("coopstats SQL");
    assertThat(json.get("language").asText()).isEqualTo("sql");
    assertThat(json.get("interrupt_mode").asText()).isEqualTo("message");
  }

  @Test
  void anotherNameIsAnotherKernelAndAUriWarehouseIsKeptAsGiven() throws Exception {
    Cli install =
        Cli.run(
            "notebook",
            "install-kernel",
            "--prefix",
            dir.toString(),
            "--name",
            "coopstats-prod",
            "--warehouse",
            "s3a://bucket/warehouse");

    assertThat(install.exitCode()).as(install.err()).isZero();
    JsonNode json =
        new ObjectMapper()
            .readTree(dir.resolve("share/jupyter/kernels/coopstats-prod/kernel.json").toFile());
    assertThat(json.get("display_name").asText()).isEqualTo("coopstats SQL (coopstats-prod)");
    assertThat(json.get("argv").get(5).asText()).isEqualTo("s3a://bucket/warehouse");
  }

  @Test
  void aNameJupyterCannotUseIsRefused() {
    Cli install =
        Cli.run("notebook", "install-kernel", "--prefix", dir.toString(), "--name", "my kernel");

    assertThat(install.exitCode()).isEqualTo(64);
    assertThat(install.err())
        .contains("--name my kernel is not valid: expected letters, digits, '.', '_' or '-'");
  }
}
