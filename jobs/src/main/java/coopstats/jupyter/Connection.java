package coopstats.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coopstats.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection file Jupyter writes for a kernel it starts: where the kernel binds its five
 * sockets and the key it signs messages with.
 */
public record Connection(
    String ip, int shell, int iopub, int stdin, int control, int heartbeat, Signer signer) {

  /** Reads a connection file; only the {@code tcp} transport and HMAC-SHA256 are supported. */
  public static Connection read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw Errors.missingConnectionFile(file.toString());
    }
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw Errors.badConnectionFile(file.toString(), "it is not JSON");
    }
    String transport = json.path("transport").asText("tcp");
    if (!"tcp".equals(transport)) {
      throw Errors.badConnectionFile(file.toString(), "transport " + transport + " is not tcp");
    }
    String scheme = json.path("signature_scheme").asText("hmac-sha256");
    if (!"hmac-sha256".equals(scheme)) {
      throw Errors.badConnectionFile(
          file.toString(), "signature scheme " + scheme + " is not hmac-sha256");
    }
    return new Connection(
        json.path("ip").asText("127.0.0.1"),
        port(file, json, "shell_port"),
        port(file, json, "iopub_port"),
        port(file, json, "stdin_port"),
        port(file, json, "control_port"),
        port(file, json, "hb_port"),
        new Signer(json.path("key").asText("")));
  }

  /** The address a socket binds to. */
  String url(int port) {
    return "tcp://" + ip + ":" + port;
  }

  private static int port(Path file, JsonNode json, String name) {
    int port = json.path(name).asInt(0);
    if (port <= 0 || port > 65535) {
      throw Errors.badConnectionFile(file.toString(), name + " is not a port number");
    }
    return port;
  }
}
