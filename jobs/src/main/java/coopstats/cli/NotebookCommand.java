package coopstats.cli;

import coopstats.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code coopstats notebook}: analyst notebooks; {@code run} executes one, {@code install-kernel}
 * lets Jupyter run them.
 */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = "Work with the analyst notebooks (Jupyter .ipynb files with Spark SQL cells).",
    subcommands = {NotebookRunCommand.class, NotebookInstallKernelCommand.class})
final class NotebookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
