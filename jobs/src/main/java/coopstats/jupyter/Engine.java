package coopstats.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** What runs the code of the cells a {@link Kernel} receives. */
public interface Engine {
  /**
   * Runs one cell, handing each of its outputs to {@code out} as it comes, in the form a notebook
   * stores them: {@code output_type} {@code execute_result}, {@code display_data}, {@code stream}
   * or {@code error}. A cell that fails ends with its {@code error} output.
   */
  void execute(String code, int executionCount, Consumer<ObjectNode> out);

  /** Stops the cell that is running, if any; called from another thread than {@link #execute}. */
  void interrupt();

  /** What the front end shows about the language: its name, version and file type. */
  ObjectNode languageInfo();

  /** The text a console shows when it connects. */
  String banner();
}
