package coopstats.jupyter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One message of the Jupyter protocol as it travels: the routing identities, the delimiter {@code
 * <IDS|MSG>}, the signature, then the header, parent header, metadata and content as JSON.
 */
record Message(
    List<byte[]> identities,
    ObjectNode header,
    ObjectNode parent,
    ObjectNode metadata,
    ObjectNode content) {
  static final String VERSION = "5.3";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.UTF_8);

  String type() {
    return header.path("msg_type").asText();
  }

  /**
   * The message in {@code frames}, or empty when it is not one or its signature is wrong. Binary
   * buffers after the content are ignored.
   */
  static Optional<Message> parse(List<byte[]> frames, Signer signer) {
    int d = 0;
    while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIMITER)) {
      d++;
    }
    if (frames.size() < d + 6) {
      return Optional.empty();
    }
    List<byte[]> parts = frames.subList(d + 2, d + 6);
    String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
    if (!signer.verify(signature, parts)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Message(
              List.copyOf(frames.subList(0, d)),
              object(parts.get(0)),
              object(parts.get(1)),
              object(parts.get(2)),
              object(parts.get(3))));
    } catch (IOException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /** A new message of {@code type} in answer to {@code parent}, sent back to its identities. */
  static Message answer(Message parent, String type, ObjectNode content, String session) {
    return create(parent.identities(), parent.header(), type, content, session);
  }

  /** A new message with no parent, such as the kernel's first status. */
  static Message create(
      List<byte[]> identities, ObjectNode parent, String type, ObjectNode content, String session) {
    ObjectNode header = JSON.createObjectNode();
    header.put("msg_id", UUID.randomUUID().toString());
    header.put("session", session);
    header.put("username", parent.path("username").asText("coopstats"));
    header.put("date", Instant.now().toString());
    header.put("msg_type", type);
    header.put("version", VERSION);
    return new Message(identities, header, parent, JSON.createObjectNode(), content);
  }

  /** The frames to send: identities, delimiter, signature, then the four JSON parts. */
  List<byte[]> frames(Signer signer) {
    List<byte[]> parts = new ArrayList<>();
    for (ObjectNode part : List.of(header, parent, metadata, content)) {
      parts.add(part.toString().getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> frames = new ArrayList<>(identities);
    frames.add(DELIMITER);
    frames.add(signer.sign(parts).getBytes(StandardCharsets.US_ASCII));
    frames.addAll(parts);
    return frames;
  }

  private static ObjectNode object(byte[] json) throws IOException {
    return (ObjectNode) JSON.readTree(json);
  }
}
