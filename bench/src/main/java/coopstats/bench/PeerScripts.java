package coopstats.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Runs the peer's SQL files: {@code peer-macros.sql}, the pipeline's value normalisation as macros,
 * then {@code peer-ref.sql}, the lookup tables derived from the reference tables.
 */
final class PeerScripts {
  /** What Java's String.strip() removes: Character.isWhitespace. */
  private static final String WHITESPACE =
      " \t\n\u000B\f\r\u001C\u001D\u001E\u001F\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
          + "\u2008\u2009\u200A\u2028\u2029\u205F\u3000";

  private PeerScripts() {}

  static void run(DuckDb db) throws SQLException, IOException {
    script(db, "peer-macros.sql");
    script(db, "peer-ref.sql");
  }

  /**
   * Runs a file's statements, each ending with a semicolon at the end of a line, with WS and
   * WSCLASS filled in: the whitespace as a string and as a regular expression class.
   */
  private static void script(DuckDb db, String resource) throws SQLException, IOException {
    String ws = "'" + WHITESPACE + "'";
    StringBuilder wsClass = new StringBuilder();
    WHITESPACE.codePoints().forEach(c -> wsClass.append(String.format("\\x{%x}", c)));
    StringBuilder statement = new StringBuilder();
    for (String line : text(resource).split("\n")) {
      if (line.startsWith("--")) {
        continue;
      }
      statement.append(line).append('\n');
      if (line.endsWith(";")) {
        db.exec(statement.toString().replace("WSCLASS", wsClass.toString()).replace("WS", ws));
        statement.setLength(0);
      }
    }
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = PeerScripts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
