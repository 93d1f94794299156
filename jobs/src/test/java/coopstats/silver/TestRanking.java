package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestSpark;
import coopstats.contract.TableSchema;
import coopstats.contract.Tables;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * How the rows of a record key are ranked: kept, duplicate in a delivery, superseded by a later.
 */
class TestRanking {
  final SparkSession spark = TestSpark.session();

  static final StructType DELIVERED =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("_file", DataTypes.StringType)
          .add("_sheet", DataTypes.StringType)
          .add("_line", DataTypes.LongType)
          .add("_run_id", DataTypes.StringType)
          .add("_ingested_at", DataTypes.TimestampType);

  static final String COLUMNS =
      "id, _file, _line, q_status, q_rule, q_reason, q_first_file, q_first_line";

  Dataset<Row> delivered(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(RowFactory.create(r[0], r[1], null, r[2], r[3], Timestamp.valueOf((String) r[4])));
    }
    return spark.createDataFrame(out, DELIVERED);
  }

  /** Key a: two lines in the first delivery, one in a later delivery. */
  Dataset<Row> threeLinesOfOneKey() {
    return delivered(
        new Object[] {"a", "d1.csv", 1L, "r1", "2026-01-01 00:00:00"},
        new Object[] {"a", "d1.csv", 2L, "r1", "2026-01-01 00:00:00"},
        new Object[] {"a", "d2.csv", 1L, "r2", "2026-02-01 00:00:00"});
  }

  static List<String> rows(Dataset<Row> ranked) {
    return ranked.selectExpr(COLUMNS.split(", ")).orderBy("_file", "_line").collectAsList().stream()
        .map(Row::toString)
        .toList();
  }

  @Test
  void withinADeliveryTheLastLineWinsAndALaterDeliveryReplacesIt() {
    assertThat(rows(Ranking.withRank(threeLinesOfOneKey(), List.of("id"))))
        .containsExactly(
            "[a,d1.csv,1,duplicate,duplicate_key,the record key is delivered again in d1.csv"
                + " line 2; the last line wins,null,null]",
            "[a,d1.csv,2,superseded,superseded,a later delivery of the same record key replaced"
                + " this row: d2.csv line 1,d1.csv,2]",
            "[a,d2.csv,1,kept,null,null,d1.csv,2]");
  }

  @Test
  void aKeyThatComesOnceIsKeptAsItsOwnFirstDelivery() {
    Dataset<Row> once = delivered(new Object[] {"b", "d1.csv", 3L, "r1", "2026-01-01 00:00:00"});
    assertThat(rows(Ranking.withKept(once)))
        .containsExactly("[b,d1.csv,3,kept,null,null,d1.csv,3]");
  }

  @Test
  void broadcastingTheRepeatedKeysRanksAsTheWindowsDo() {
    Dataset<Row> rows =
        threeLinesOfOneKey()
            .unionByName(delivered(new Object[] {"b", "d2.csv", 2L, "r2", "2026-02-01 00:00:00"}));
    TableSchema silver = silver();
    List<Dataset<Row>> cached = new ArrayList<>();
    Ranking.Ranked broadcast = Ranking.rank(rows, silver, 10, cached);
    Ranking.Ranked windows = Ranking.rank(rows, silver, 0, cached);
    cached.forEach(Dataset::unpersist);

    assertThat(broadcast.keys()).isEqualTo(1);
    assertThat(windows.keys()).isEqualTo(1);
    assertThat(rows(broadcast.rows()))
        .isEqualTo(rows(windows.rows()))
        .hasSize(4)
        .contains("[b,d2.csv,2,kept,null,null,d2.csv,2]");
  }

  @Test
  void silverRowsWhoseKeyComesAgainNameTheFirstNewDelivery() {
    StructType target =
        new StructType().add("id", DataTypes.StringType).add("amount", DataTypes.LongType);
    Dataset<Row> silver =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a", 10L),
                RowFactory.create("b", 20L),
                RowFactory.create("c", 30L)),
            target);
    Dataset<Row> kept =
        Ranking.rank(threeLinesOfOneKey(), silver(), 10, new ArrayList<>())
            .rows()
            .filter("q_status = 'kept'");

    assertThat(
            Ranking.withSupersedingRow(silver, kept, List.of("id")).collectAsList().stream()
                .map(Row::toString))
        .containsExactly(
            "[a,10,a later delivery of the same record key replaced this row: d1.csv line 2]");
  }

  static TableSchema silver() {
    return Tables.table(
        "silver.things",
        "Things.",
        "one row per id.",
        List.of("id"),
        List.of(),
        List.of(Tables.column("id", "string", false, "The key.")),
        null);
  }
}
