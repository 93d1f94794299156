package coopstats.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the kernel answers to each request, as the protocol orders it: status {@code busy} on iopub,
 * what the request publishes, the reply on the socket it came on, then status {@code idle}.
 */
final class Requests {
  private static final Logger LOG = LoggerFactory.getLogger(Requests.class);

  /** Queued after the last message, to stop the iopub thread. */
  static final Message STOP = new Message(List.of(), null, null, null, null);

  private final Engine engine;
  private final String session;
  private final Consumer<Message> iopub;
  private final AtomicBoolean running;
  private final AtomicInteger executionCount = new AtomicInteger();
  private final AtomicBoolean failedToStop = new AtomicBoolean();

  Requests(Engine engine, String session, Consumer<Message> iopub, AtomicBoolean running) {
    this.engine = engine;
    this.session = session;
    this.iopub = iopub;
    this.running = running;
  }

  /** The status a kernel publishes once, when it has bound its sockets. */
  void starting() {
    ObjectNode content = Message.JSON.createObjectNode().put("execution_state", "starting");
    ObjectNode none = Message.JSON.createObjectNode();
    iopub.accept(topic(Message.create(List.of(), none, "status", content, session)));
  }

  /**
   * Whether the last cell failed and asked to stop on error: then the execute requests already
   * queued behind it are answered as aborted, as a front end that runs all cells expects.
   */
  boolean failedToStop() {
    return failedToStop.getAndSet(false);
  }

  /** Answers one request; with {@code abort}, an execute request is answered as aborted. */
  void handle(Message request, Consumer<Message> reply, boolean abort) {
    status(request, "busy");
    String type = request.type();
    ObjectNode content = Message.JSON.createObjectNode();
    switch (type) {
      case "kernel_info_request" -> kernelInfo(content);
      case "execute_request" -> {
        if (abort) {
          content.put("status", "aborted").put("execution_count", executionCount.get());
        } else {
          execute(request, content);
        }
      }
      case "is_complete_request" -> content.put("status", "complete");
      case "comm_info_request" -> content.put("status", "ok").putObject("comms");
      case "history_request" -> content.put("status", "ok").putArray("history");
      case "inspect_request" -> content.put("status", "ok").put("found", false).putObject("data");
      case "complete_request" -> complete(request, content);
      case "interrupt_request" -> {
        engine.interrupt();
        content.put("status", "ok");
      }
      case "shutdown_request" ->
          content.put("status", "ok").put("restart", request.content().path("restart").asBoolean());
      default -> LOG.warn("ignored a {}, which this kernel does not handle", type);
    }
    if (type.endsWith("_request") && !content.isEmpty()) {
      reply.accept(answer(request, type.replace("_request", "_reply"), content));
    }
    status(request, "idle");
    if ("shutdown_request".equals(type)) {
      running.set(false);
    }
  }

  private void kernelInfo(ObjectNode content) {
    content
        .put("status", "ok")
        .put("protocol_version", Message.VERSION)
        .put("implementation", "coopstats")
        .put("implementation_version", "0.1.0")
        .put("banner", engine.banner())
        .put("debugger", false)
        .set("language_info", engine.languageInfo());
    content.putArray("help_links");
  }

  private void execute(Message request, ObjectNode reply) {
    ObjectNode c = request.content();
    String code = c.path("code").asText();
    boolean silent = c.path("silent").asBoolean(false);
    int count =
        !silent && c.path("store_history").asBoolean(true)
            ? executionCount.incrementAndGet()
            : executionCount.get();
    if (!silent) {
      ObjectNode input = Message.JSON.createObjectNode().put("code", code);
      publish(request, "execute_input", input.put("execution_count", count));
    }
    ObjectNode[] error = {null};
    Consumer<ObjectNode> out =
        output -> {
          String type = output.path("output_type").asText();
          ObjectNode content = output.deepCopy();
          content.remove("output_type");
          error[0] = "error".equals(type) ? content : error[0];
          if (!silent) {
            publish(request, type, content);
          }
        };
    try {
      engine.execute(code, count, out);
    } catch (Exception e) {
      // A failure the engine did not turn into an error output still ends the cell, not the kernel.
      LOG.error("the cell failed unexpectedly", e);
      out.accept(internalError(e));
    }
    if (error[0] != null) {
      failedToStop.set(c.path("stop_on_error").asBoolean(true));
      reply.put("status", "error").put("execution_count", count).setAll(error[0]);
    } else {
      reply.put("status", "ok").put("execution_count", count).putObject("user_expressions");
      reply.putArray("payload");
    }
  }

  private static ObjectNode internalError(Exception e) {
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    ObjectNode error = Message.JSON.createObjectNode().put("output_type", "error");
    error.put("ename", e.getClass().getSimpleName()).put("evalue", message);
    error.putArray("traceback").add(e.getClass().getSimpleName() + ": " + message);
    return error;
  }

  /** No completions: the reply says so, with the cursor where it was. */
  private static void complete(Message request, ObjectNode content) {
    int cursor = request.content().path("cursor_pos").asInt(0);
    content.put("status", "ok").putArray("matches");
    content.put("cursor_start", cursor).put("cursor_end", cursor).putObject("metadata");
  }

  private void status(Message request, String state) {
    publish(request, "status", Message.JSON.createObjectNode().put("execution_state", state));
  }

  private void publish(Message parent, String type, ObjectNode content) {
    iopub.accept(topic(Message.answer(parent, type, content, session)));
  }

  private Message answer(Message request, String type, ObjectNode content) {
    return Message.answer(request, type, content, session);
  }

  /** An iopub message's topic, {@code kernel.<session>.<type>}, in place of identities. */
  private Message topic(Message m) {
    byte[] topic = ("kernel." + session + "." + m.type()).getBytes(StandardCharsets.UTF_8);
    return new Message(List.of(topic), m.header(), m.parent(), m.metadata(), m.content());
  }
}
