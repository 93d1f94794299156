package coopstats.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages are signed as Jupyter signs them, and a message with a wrong signature is dropped. */
class TestSigner {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSignatureIsTheHexHmacSha256OfThePartsInOrder() {
    // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the published example.
    List<byte[]> parts =
        List.of(
            bytes("The quick "), bytes("brown fox "), bytes("jumps over "), bytes("the lazy dog"));
    assertThat(new Signer("key").sign(parts))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void anEmptyKeyTurnsSigningOff() {
    List<byte[]> parts = List.of(bytes("{}"), bytes("{}"), bytes("{}"), bytes("{}"));
    assertThat(new Signer("").sign(parts)).isEmpty();
    assertThat(new Signer("").verify("", parts)).isTrue();
  }

  @Test
  void aMessageReadsBackAndATamperedOneIsDropped() {
    Signer signer = new Signer("9a1c2b3d-secret");
    ObjectNode content = Message.JSON.createObjectNode().put("code", "SELECT 1");
    Message sent =
        Message.create(
            List.of(bytes("client-7")),
            Message.JSON.createObjectNode(),
            "execute_request",
            content,
            "s1");
    List<byte[]> frames = sent.frames(signer);
    assertThat(new String(frames.get(1), StandardCharsets.UTF_8)).isEqualTo("<IDS|MSG>");
    assertThat(new String(frames.get(2), StandardCharsets.UTF_8)).hasSize(64);

    Message read = Message.parse(frames, signer).orElseThrow();
    assertThat(read.type()).isEqualTo("execute_request");
    assertThat(read.content()).isEqualTo(content);
    assertThat(read.header().path("version").asText()).isEqualTo("5.3");
    assertThat(read.identities()).hasSize(1);
    assertThat(new String(read.identities().get(0), StandardCharsets.UTF_8)).isEqualTo("client-7");

    List<byte[]> tampered = new ArrayList<>(frames);
    tampered.set(6, bytes("{\"code\":\"DROP TABLE gold.x\"}"));
    assertThat(Message.parse(tampered, signer)).isEmpty();
    assertThat(Message.parse(frames, new Signer("another key"))).isEmpty();
  }
}
