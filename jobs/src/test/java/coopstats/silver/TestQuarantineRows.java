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

/**
 * Quarantine rows carry the series, source, kind, file, line, text, rule, reason and run of each
 * row.
 */
class TestQuarantineRows {
  static final TableSchema QUARANTINE =
      Schemas.load(TestPaths.schemas()).table("silver.quarantine");

  final SparkSession spark = TestSpark.session();

  @Test
  void parsedRowsKeepTheirDeliveredTextAndTheirRule() {
    StructType parsed =
        new StructType()
            .add("q_source", DataTypes.StringType)
            .add("q_series", DataTypes.StringType)
            .add("q_file", DataTypes.StringType)
            .add("q_sheet", DataTypes.StringType)
            .add("q_line", DataTypes.LongType)
            .add("q_raw", DataTypes.StringType)
            .add("q_rule", DataTypes.StringType)
            .add("q_reason", DataTypes.StringType)
            .add("q_run_id", DataTypes.StringType)
            .add("amount", DataTypes.LongType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "s", "a", "d.csv", null, 2L, "x,1", "parse_error", "bad", "r1", null),
                RowFactory.create(
                    "s", "a", "d.csv", null, 3L, "y,2", "duplicate_key", "again", "r1", 2L),
                RowFactory.create(
                    "t", "b", "e.xlsx", "Deals", 1L, null, "superseded", "later", "r2", 5L)),
            parsed);

    Dataset<Row> out = QuarantineRows.fromParsed(rows, "fund", QUARANTINE);

    assertThat(out.columns())
        .containsExactly(
            "series", "source", "kind", "file", "sheet", "line", "raw", "rule", "reason", "run_id");
    assertThat(out.collectAsList().stream().map(Row::toString))
        .containsExactly(
            "[a,s,fund,d.csv,null,2,x,1,parse_error,bad,r1]",
            "[a,s,fund,d.csv,null,3,y,2,duplicate_key,again,r1]",
            "[b,t,fund,e.xlsx,Deals,1,null,superseded,later,r2]");
  }

  @Test
  void supersededSilverRowsAreNamedByTheirLineageAndWaitForTheirText() {
    StructType silver =
        new StructType()
            .add("source", DataTypes.StringType)
            .add("series", DataTypes.StringType)
            .add("_file", DataTypes.StringType)
            .add("_sheet", DataTypes.StringType)
            .add("_line", DataTypes.LongType)
            .add("_run_id", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("amount", DataTypes.LongType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "s", "a", "d.csv", null, 2L, "r1", "replaced by e.csv line 1", 10L),
                RowFactory.create(
                    "s", "a", "d.csv", null, 4L, "r1", "replaced by e.csv line 2", 20L),
                RowFactory.create(
                    "u", "b", "f.csv", null, 9L, "r0", "replaced by g.csv line 3", 30L)),
            silver);

    assertThat(
            QuarantineRows.fromSuperseded(rows, "investment", QUARANTINE).collectAsList().stream()
                .map(Row::toString))
        .containsExactly(
            "[a,s,investment,d.csv,null,2,null,superseded,replaced by e.csv line 1,r1]",
            "[a,s,investment,d.csv,null,4,null,superseded,replaced by e.csv line 2,r1]",
            "[b,u,investment,f.csv,null,9,null,superseded,replaced by g.csv line 3,r0]");
  }
}
