package coopstats.bronze;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Splits JSON Lines text into records: one JSON object per line, scalar values only. The values
 * list alternates key and value. A number is kept as a plain decimal ({@code 0.0006}, not the
 * double's {@code 6.0E-4}, which the amount parser rightly rejects as not a number).
 */
final class JsonRecords {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonRecords() {}

  static List<Record> split(String text) {
    String[] lines = CsvRecords.lines(text);
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(parse(i + 1, lines[i]));
      }
    }
    return out;
  }

  private static Record parse(long line, String raw) {
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (Exception e) {
      return new Record(line, raw, null, "not valid JSON: " + firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      return new Record(line, raw, null, "the line is not a JSON object");
    }
    List<String> kv = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isContainerNode()) {
        return new Record(
            line, raw, null, "field '" + e.getKey() + "' is an object or array, not a value");
      }
      kv.add(e.getKey());
      kv.add(v.isNull() ? null : v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
    }
    return new Record(line, raw, kv, null);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
