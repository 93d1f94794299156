package coopstats.jupyter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages: the hex HMAC-SHA256, under the connection's key, of a message's
 * header, parent header, metadata and content as sent. An empty key turns signing off, as Jupyter
 * does.
 */
public final class Signer {
  private final byte[] key;

  public Signer(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** The signature of the four parts; empty when there is no key. */
  public String sign(List<byte[]> parts) {
    if (key.length == 0) {
      return "";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      parts.forEach(mac::update);
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** Whether {@code signature} is the parts' own, compared in constant time. */
  public boolean verify(String signature, List<byte[]> parts) {
    return key.length == 0
        || MessageDigest.isEqual(
            sign(parts).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
  }
}
