package coopstats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coopstats.Errors;
import coopstats.ExitCodes;
import coopstats.contract.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats notebook install-kernel}: writes the kernelspec by which Jupyter starts {@code
 * coopstats kernel}, with this installation's {@code bin/coopstats} and the warehouse written in.
 */
@Command(
    name = "install-kernel",
    mixinStandardHelpOptions = true,
    description = {
      "Install the coopstats Jupyter kernel (\"coopstats SQL\") for this user or under a prefix, so"
          + " that Jupyter, VS Code or nbclient runs the notebooks.",
      "The kernel reads the warehouse named here (default: ./warehouse), made absolute; install it"
          + " again, or under another --name, for another warehouse."
    })
final class NotebookInstallKernelCommand implements Callable<Integer> {
  static final String NAME = "coopstats";

  @Spec CommandSpec spec;
  @Mixin WarehouseOptions options;

  @ArgGroup(exclusive = true)
  Where where;

  static final class Where {
    @Option(
        names = "--user",
        description =
            "Into the user's Jupyter data folder (the default): $JUPYTER_DATA_DIR, else"
                + " ~/.local/share/jupyter (~/Library/Jupyter on macOS).")
    boolean user;

    @Option(
        names = "--prefix",
        paramLabel = "DIR",
        description = "Into DIR/share/jupyter, as a Python environment's Jupyter reads it.")
    Path prefix;
  }

  @Option(
      names = "--name",
      defaultValue = NAME,
      description =
          "The kernel's name, which notebooks name in their metadata (default:"
              + " ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw Errors.badOption("--name", name, "letters, digits, '.', '_' or '-'");
    }
    Path launcher =
        Settings.home().resolve("bin").resolve("coopstats").toAbsolutePath().normalize();
    if (!Files.isExecutable(launcher)) {
      throw Errors.noLauncher(Settings.home().toAbsolutePath().normalize().toString());
    }
    Path dir = kernels().resolve(name);
    String warehouse = absolute(options.warehouse);
    Path file = dir.resolve("kernel.json");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, spec(launcher, warehouse).toPrettyString() + "\n");
    } catch (IOException e) {
      throw Errors.cannotWrite(file.toString(), e.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("installed the Jupyter kernel " + name + " (\"" + displayName() + "\") in " + dir);
    out.println("its cells run against " + warehouse);
    out.flush();
    return ExitCodes.OK;
  }

  private ObjectNode spec(Path launcher, String warehouse) {
    ObjectNode spec = new ObjectMapper().createObjectNode();
    ArrayNode argv = spec.putArray("argv");
    argv.add(launcher.toString()).add("kernel").add("--connection-file").add("{connection_file}");
    argv.add("--warehouse").add(warehouse);
    if (options.master != null) {
      argv.add("--master").add(options.master);
    }
    if (options.schemas != null) {
      argv.add("--schemas").add(options.schemas.toAbsolutePath().normalize().toString());
    }
    spec.put("display_name", displayName());
    spec.put("language", "sql");
    spec.put("interrupt_mode", "message");
    spec.putObject("metadata").put("debugger", false);
    return spec;
  }

  /**
   * A local warehouse as an absolute path (a URI as given), so that the kernel finds it from any
   * folder.
   */
  private static String absolute(String warehouse) {
    return WarehouseOptions.qualify(warehouse).equals(warehouse)
        ? warehouse
        : Path.of(warehouse).toAbsolutePath().normalize().toString();
  }

  private String displayName() {
    return NAME.equals(name) ? "coopstats SQL" : "coopstats SQL (" + name + ")";
  }

  /** The kernels folder Jupyter reads: under --prefix, else the user's data folder. */
  private Path kernels() {
    if (where != null && where.prefix != null) {
      return where.prefix.toAbsolutePath().normalize().resolve("share/jupyter/kernels");
    }
    String data = System.getenv("JUPYTER_DATA_DIR");
    if (data != null && !data.isBlank()) {
      return Path.of(data).toAbsolutePath().resolve("kernels");
    }
    Path home = Path.of(System.getProperty("user.home"));
    if (System.getProperty("os.name", "").startsWith("Mac")) {
      return home.resolve("Library/Jupyter/kernels");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path share = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
    return share.resolve("jupyter/kernels");
  }
}
