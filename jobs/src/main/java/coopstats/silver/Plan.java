package coopstats.silver;

import coopstats.contract.SourceProfile;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a silver build starts from: all of bronze ({@link Rebuild}), or the bronze rows added after
 * the versions of the last published run ({@link Incremental}).
 */
sealed interface Plan {
  boolean rebuild();

  /** The bronze rows of {@code p} that the build reads; null when nothing is new. */
  Dataset<Row> rows(BronzeRows bronze, SourceProfile p);

  /** Every row of bronze, written whole. */
  record Rebuild() implements Plan {
    @Override
    public boolean rebuild() {
      return true;
    }

    @Override
    public Dataset<Row> rows(BronzeRows bronze, SourceProfile p) {
      return bronze.active(p);
    }
  }

  /** The rows added since {@code published} (bronze versions keyed {@code bronze.<source>}). */
  record Incremental(Map<String, Long> published) implements Plan {
    @Override
    public boolean rebuild() {
      return false;
    }

    @Override
    public Dataset<Row> rows(BronzeRows bronze, SourceProfile p) {
      return bronze.addedSince(p, published.get("bronze." + p.source()));
    }
  }
}
