package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.TestPaths;
import coopstats.contract.Schemas;
import coopstats.contract.SourceProfile;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The cgit profile on the real export's countries, and on another release's spelling. */
class TestCgitProfile {
  static final Schemas SCHEMAS = Schemas.load(TestPaths.schemas());
  static final RefData REF = RefData.load(SCHEMAS);

  @Test
  void everyCountryNameInTheRealExportResolves() throws IOException {
    CountryResolver countries = new CountryResolver(REF);
    Set<String> unresolved = new TreeSet<>();
    var lines =
        Files.readAllLines(
            TestPaths.sharedData().resolve("cgit/cgit_2021fall_investments.csv"),
            Charset.forName("windows-1252"));
    for (String line : lines.subList(1, lines.size())) {
      String country = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)[8];
      if (countries.resolve(country).isEmpty()) {
        unresolved.add(country);
      }
    }
    assertThat(unresolved).isEmpty();
  }

  @Test
  void amountsWithAndWithoutDollarsAndSeparatorsAreMillionsOfUsd() {
    SourceProfile cgit = SCHEMAS.profiles().get("cgit");
    TableSchema silver = SCHEMAS.table("silver.investment");
    RowParser parser = new RowParser(silver, REF);
    for (String amount : new String[] {"$1,740 ", "1740", "1,740.0", " $1740"}) {
      Map<String, String> fields = new HashMap<>(cgit.constantsOrEmpty());
      fields.putAll(
          Map.of(
              "record_id", "f#2",
              "year", "2005",
              "month", "January",
              "country", "USA",
              "sector", "Technology",
              "amount", amount));
      Map<String, Object> lineage =
          Map.of(
              "source", "cgit",
              "series", "cgit",
              "_file", "cgit/f.csv",
              "_line", 2L,
              "_run_id", "r1",
              "_ingested_at", java.sql.Timestamp.valueOf("2026-01-01 00:00:00"));
      Object[] row = parser.parse(fields, lineage);
      assertThat(row[silver.columnNames().indexOf("amount_usd")])
          .as(amount)
          .isEqualTo(new BigDecimal("1740000000.00"));
      assertThat(row[silver.columnNames().indexOf("is_tech")]).isEqualTo(true);
      assertThat(row[silver.columnNames().indexOf("month")]).isEqualTo(1);
    }
  }
}
