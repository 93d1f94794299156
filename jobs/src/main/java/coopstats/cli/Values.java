package coopstats.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * How a value prints: decimals in plain notation; arrays, maps and structs as JSON; everything else
 * as its string.
 */
final class Values {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Values() {}

  static String text(Object v) {
    Object plain = plain(v);
    if (plain instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (plain instanceof List<?> || plain instanceof Map<?, ?>) {
      try {
        return JSON.writeValueAsString(plain);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.valueOf(plain);
  }

  /** The value with Spark's Scala collections and rows turned into Java lists and maps. */
  static Object plain(Object v) {
    if (v instanceof scala.collection.Seq<?> seq) {
      List<Object> out = new ArrayList<>();
      CollectionConverters.asJava(seq).forEach(e -> out.add(plain(e)));
      return out;
    }
    if (v instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      CollectionConverters.asJava(map).forEach((k, e) -> out.put(String.valueOf(k), plain(e)));
      return out;
    }
    if (v instanceof Row row && row.schema() != null) {
      Map<String, Object> out = new LinkedHashMap<>();
      String[] names = row.schema().fieldNames();
      for (int i = 0; i < names.length; i++) {
        out.put(names[i], row.isNullAt(i) ? null : plain(row.get(i)));
      }
      return out;
    }
    return v;
  }
}
