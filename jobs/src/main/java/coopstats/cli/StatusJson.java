package coopstats.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * {@code coopstats status --format json}: one document, {@code {"runs": [...], "quality": [...],
 * "series": [...]}}. A run and a quality count carry every column of ops.runs and ops.quality under
 * its column name; dates print as 2026-11-20, timestamps as ISO-8601 instants in UTC.
 */
final class StatusJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusJson() {}

  /** The document; {@code quality} is null when no listed run succeeded (printed as []). */
  static String document(List<Row> runs, List<Row> quality, List<Row> series) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runs", objects(runs));
    doc.put("quality", quality == null ? List.of() : objects(quality));
    doc.put("series", objects(series));
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, Object>> objects(List<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> o = new LinkedHashMap<>();
      String[] names = r.schema().fieldNames();
      for (int i = 0; i < names.length; i++) {
        o.put(names[i], value(r.get(i)));
      }
      out.add(o);
    }
    return out;
  }

  private static Object value(Object v) {
    if (v instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof Date d) {
      return d.toLocalDate().toString();
    }
    return Values.plain(v);
  }
}
