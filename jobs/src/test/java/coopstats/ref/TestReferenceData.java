package coopstats.ref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import coopstats.TestPaths;
import coopstats.contract.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled reference tables, cross-checked against the public exports in ../shared/data. */
class TestReferenceData {
  static final RefData REF = RefData.load(Schemas.load(TestPaths.schemas()));

  @Test
  void beltAndRoadMembershipMatchesTheGfdcList() throws IOException {
    Map<String, RefData.GroupMember> members =
        REF.groups().stream()
            .filter(g -> g.groupId().equals("belt_and_road"))
            .collect(Collectors.toMap(RefData.GroupMember::iso3, Function.identity()));
    List<String> lines =
        Files.readAllLines(
            TestPaths.sharedData().resolve("bri_countries/gfdc-bri-countries-2025-05.csv"));
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      String iso3 = f[0];
      if (iso3.equals("CHN")) {
        assertThat(members).doesNotContainKey("CHN"); // the investor is not its own partner
        continue;
      }
      RefData.GroupMember m = members.get(iso3);
      assertThat(m).as(iso3).isNotNull();
      if (!f[4].isEmpty()) {
        assertThat(m.validFrom()).as(iso3).isEqualTo(LocalDate.parse(f[4]));
      }
      assertThat(m.validTo()).as(iso3).isEqualTo(f[5].isEmpty() ? null : LocalDate.parse(f[5]));
      checked++;
    }
    assertThat(checked).isEqualTo(151);
    assertThat(members.get("ITA").validTo()).isEqualTo(LocalDate.of(2023, 12, 6));
    assertThat(members.get("RUS").note()).contains("no MoU date");
  }

  @Test
  void everyDacPurposeCodeIsClassified() throws IOException {
    Map<String, RefData.Sector> dac =
        REF.sectors().stream()
            .filter(s -> s.taxonomy().equals("dac5"))
            .collect(Collectors.toMap(RefData.Sector::code, Function.identity()));
    Path codes = TestPaths.sharedData().resolve("iati_codelists/dac5_sector_codes.csv");
    List<String> lines = Files.readAllLines(codes);
    for (String line : lines.subList(1, lines.size())) {
      assertThat(dac).containsKey(line.substring(0, 5));
    }
    assertThat(dac).hasSize(lines.size() - 1);
    assertThat(dac.get("22040").isTech()).isTrue();
    assertThat(dac.get("11110").isTech()).isFalse();
  }

  @Test
  void fxRatesCoverTheRequiredCurrenciesEveryYear() {
    for (String currency : List.of("CNY", "EUR", "JPY", "GBP")) {
      assertThat(
              REF.fxRates().stream()
                  .filter(r -> r.currency().equals(currency))
                  .map(RefData.FxRate::year)
                  .sorted()
                  .toList())
          .as(currency)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(2000, 2025).boxed().toList());
    }
  }

  @Test
  void aNumberThatIsNotOneIsAConfigurationErrorNamingTheFileAndLine(@TempDir Path dir)
      throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "ref/fx_rates.csv", "CNY,2026,7.x,test\n");
    assertThatThrownBy(() -> RefData.load(Schemas.load(schemas)))
        .isInstanceOfSatisfying(
            CoopstatsException.class, e -> assertThat(e.exitCode()).isEqualTo(78))
        .hasMessage(
            "reference file "
                + schemas.resolve("ref/fx_rates.csv")
                + ", line 184: units_per_usd '7.x' is not a decimal number. Fix the file and run"
                + " again.");
    Path year = TestPaths.schemasWith(dir.resolve("y"), "ref/fx_rates.csv", "CNY,MMXXVI,7.1,t\n");
    assertThatThrownBy(() -> RefData.load(Schemas.load(year)))
        .hasMessageContaining("fx_rates.csv, line 184: year 'MMXXVI' is not a whole number");
  }

  @Test
  void aHeaderWithoutAColumnOfTheTableIsRefused(@TempDir Path dir) throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "ref/sectors.csv", "");
    Path sectors = schemas.resolve("ref/sectors.csv");
    Files.writeString(
        sectors, Files.readString(sectors).replaceFirst("is_tech,", "tech,").replace("\r", ""));
    assertThatThrownBy(() -> RefData.load(Schemas.load(schemas)))
        .isInstanceOfSatisfying(
            CoopstatsException.class, e -> assertThat(e.exitCode()).isEqualTo(78))
        .hasMessage(
            "reference file "
                + sectors
                + ", line 1: the header lacks [is_tech], and the header has [tech], not columns of"
                + " ref.sector; it must name the columns taxonomy, code, name, is_tech, source, in"
                + " any order. Fix the file and run again.");
  }

  @Test
  void anExtraHeaderIsRefusedAndTheOrderOfHeadersIsFree(@TempDir Path dir) throws IOException {
    Path schemas = TestPaths.schemasWith(dir, "ref/country_aliases.csv", "");
    Path aliases = schemas.resolve("ref/country_aliases.csv");
    Files.writeString(aliases, "source,iso3,alias\ntest,GBR,Blighty\n");
    assertThat(RefData.load(Schemas.load(schemas)).aliases())
        .containsExactly(new RefData.Alias("Blighty", "GBR", "test"));
    Files.writeString(aliases, "alias,iso3,source,language\nBlighty,GBR,test,en\n");
    assertThatThrownBy(() -> RefData.load(Schemas.load(schemas)))
        .isInstanceOf(CoopstatsException.class)
        .hasMessage(
            "reference file "
                + aliases
                + ", line 1: the header has [language], not columns of ref.country_alias; it must"
                + " name the columns alias, iso3, source, in any order. Fix the file and run"
                + " again.");
  }

  @Test
  void countriesGetTheJdksNamesAndBelongToTheirRegion() {
    RefData.Country vietnam =
        REF.countries().stream().filter(c -> c.iso3().equals("VNM")).findFirst().orElseThrow();
    assertThat(vietnam.nameEn()).isEqualTo("Vietnam");
    assertThat(vietnam.nameZh()).isEqualTo("越南");
    assertThat(REF.groups())
        .contains(
            new RefData.GroupMember(
                "region", vietnam.region(), "VNM", null, null, vietnam.source(), null));
  }

  @Test
  void everyRowNamesItsSource() {
    assertThat(REF.countries()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
    assertThat(REF.aliases()).allSatisfy(a -> assertThat(a.source()).isNotBlank());
    assertThat(REF.sectors()).allSatisfy(s -> assertThat(s.source()).isNotBlank());
    assertThat(REF.fxRates()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    assertThat(REF.programs()).allSatisfy(p -> assertThat(p.source()).isNotBlank());
  }
}
