package coopstats.gold;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.TestSpark;
import coopstats.contract.Schemas;
import org.junit.jupiter.api.Test;

/**
 * The silver columns gold's sums read, which silver keeps of the rows a merge removes: exactly
 * those the SQL refers to, not those its comments or output names mention.
 */
class TestSilverColumns {
  final Schemas schemas = Schemas.load(TestPaths.schemas());

  @Test
  void theColumnsEachSumsTableReadsOfItsSilverTable() {
    var read = GoldJob.columnsRead(TestSpark.session(), schemas);
    assertThat(read.apply(schemas.table("silver.investment")))
        .containsExactly("amount_usd", "country_iso3", "is_tech", "month", "series", "year");
    assertThat(read.apply(schemas.table("silver.fund")))
        .containsExactly(
            "country_iso3",
            "disbursed_usd",
            "fund_id",
            "is_tech",
            "jobs",
            "return_usd",
            "series",
            "year");
    assertThat(read.apply(schemas.table("silver.quarantine"))).isEmpty();
  }
}
