package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import coopstats.contract.TableSchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Quarantine rows carry the source, kind, file, line, text, rule, reason and run of each row. */
class TestQuarantineRows {
  static final TableSchema QUARANTINE =
      Schemas.load(TestPaths.schemas()).table("silver.quarantine");

  final SparkSession spark = TestSpark.session();

  @Test
  void parsedRowsKeepTheirDeliveredTextAndTheirRule() {
    StructType parsed =
        new StructType()
            .add("q_source", DataTypes.StringType)
            .add("q_file", DataTypes.StringType)
            .add("q_line", DataTypes.LongType)
            .add("q_raw", DataTypes.StringType)
            .add("q_rule", DataTypes.StringType)
            .add("q_reason", DataTypes.StringType)
            .add("q_run_id", DataTypes.StringType)
            .add("amount", DataTypes.LongType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("s", "d.csv", 2L, "x,1", "parse_error", "bad", "r1", null),
                RowFactory.create("s", "d.csv", 3L, "y,2", "duplicate_key", "again", "r1", 2L),
                RowFactory.create("t", "e.csv", 1L, null, "superseded", "later", "r2", 5L)),
            parsed);

    Dataset<Row> out = QuarantineRows.fromParsed(rows, "fund", QUARANTINE);

    assertThat(out.columns())
        .containsExactly("source", "kind", "file", "line", "raw", "rule", "reason", "run_id");
    assertThat(out.collectAsList().stream().map(Row::toString))
        .containsExactly(
            "[s,fund,d.csv,2,x,1,parse_error,bad,r1]",
            "[s,fund,d.csv,3,y,2,duplicate_key,again,r1]",
            "[t,fund,e.csv,1,null,superseded,later,r2]");
  }

  @Test
  void supersededSilverRowsAreNamedByTheirLineageAndWaitForTheirText() {
    StructType silver =
        new StructType()
            .add("source", DataTypes.StringType)
            .add("_file", DataTypes.StringType)
            .add("_line", DataTypes.LongType)
            .add("_run_id", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("amount", DataTypes.LongType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("s", "d.csv", 2L, "r1", "replaced by e.csv line 1", 10L),
                RowFactory.create("s", "d.csv", 4L, "r1", "replaced by e.csv line 2", 20L),
                RowFactory.create("u", "f.csv", 9L, "r0", "replaced by g.csv line 3", 30L)),
            silver);

    assertThat(
            QuarantineRows.fromSuperseded(rows, "investment", QUARANTINE).collectAsList().stream()
                .map(Row::toString))
        .containsExactly(
            "[s,investment,d.csv,2,null,superseded,replaced by e.csv line 1,r1]",
            "[s,investment,d.csv,4,null,superseded,replaced by e.csv line 2,r1]",
            "[u,investment,f.csv,9,null,superseded,replaced by g.csv line 3,r0]");
  }
}
