package coopstats.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.TestPaths;
import coopstats.contract.ColumnSpec;
import coopstats.contract.Schemas;
import coopstats.ref.RefData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestNormalizers {
  private static final RefData REF = RefData.load(Schemas.load(TestPaths.schemas()));

  @Test
  void countriesResolveFromCodesNamesChineseAndAliases() {
    CountryResolver r = new CountryResolver(REF);
    assertThat(r.resolve("VN")).contains("VNM");
    assertThat(r.resolve("vnm")).contains("VNM");
    assertThat(r.resolve("Vietnam")).contains("VNM");
    assertThat(r.resolve("越南")).contains("VNM");
    assertThat(r.resolve(" Britain ")).contains("GBR");
    assertThat(r.resolve("UAE")).contains("ARE");
    assertThat(r.resolve("Ivory Coast")).contains("CIV");
    assertThat(r.resolve("Côte d’Ivoire")).contains("CIV");
    assertThat(r.resolve("Congo")).contains("COG");
    assertThat(r.resolve("Democratic Republic of the Congo")).contains("COD");
    assertThat(r.resolve("Trinidad-Tobago")).contains("TTO");
    assertThat(r.resolve("意大利")).contains("ITA");
    assertThat(r.resolve("Kosovo")).contains("XKX");
  }

  @Test
  void unknownCountriesAndNonCodesDoNotResolve() {
    CountryResolver r = new CountryResolver(REF);
    assertThat(r.resolve("Atlantis")).isEmpty();
    assertThat(r.resolve("N/A")).isEmpty(); // not Namibia (NA)
    assertThat(r.resolve("")).isEmpty();
    assertThat(r.resolve(null)).isEmpty();
  }

  @Test
  void amountsParseSymbolsSeparatorsAndUnitWords() {
    assertThat(Amounts.parse("amount", "$1,740 ")).isEqualTo(parsed("1740", null));
    assertThat(Amounts.parse("amount", "12.5亿")).isEqualTo(parsed("12.5", "亿"));
    assertThat(Amounts.parse("amount", "3 million")).isEqualTo(parsed("3", "million"));
    assertThat(Amounts.parse("amount", "1,5")).isEqualTo(parsed("1.5", null));
    assertThat(Amounts.parse("amount", "1,234,567.25")).isEqualTo(parsed("1234567.25", null));
  }

  @Test
  void plainDecimalsTakeTheShortPathWithTheSameResult() {
    for (String plain : List.of("0", "12", "-5", "+7", "88728.47", "0.0006", "007.50")) {
      assertThat(Amounts.isPlain(plain)).as(plain).isTrue();
      assertThat(Amounts.parse("amount", " " + plain + " ")).isEqualTo(parsed(plain, null));
    }
    for (String other : List.of("", "-", ".5", "5.", "1,5", "1.2.3", "$5", "5 m", "١٢", "1e3")) {
      assertThat(Amounts.isPlain(other)).as(other).isFalse();
    }
  }

  @Test
  void badAmountsAreRejectedWithTheRule() {
    assertRejected(() -> Amounts.parse("amount", "N/A"), "invalid_number", "amount 'N/A'");
    assertRejected(() -> Amounts.parse("amount", "—"), "invalid_number", "amount '—'");
    assertRejected(() -> Amounts.parse("amount", "1.2.3"), "invalid_number", "amount '1.2.3'");
    // A negative amount parses; the tables' rules decide where one is allowed (a fund's return).
    assertThat(Amounts.parse("amount", "-5").value()).isEqualByComparingTo("-5");
    assertRejected(() -> Amounts.parse("amount", "5 zillion"), "unknown_unit", "zillion");
  }

  @Test
  void unitMultipliers() {
    assertThat(Amounts.multiplier("unit", null)).isEqualByComparingTo("1");
    assertThat(Amounts.multiplier("unit", "万")).isEqualByComparingTo("10000");
    assertThat(Amounts.multiplier("unit", "亿")).isEqualByComparingTo("100000000");
    assertThat(Amounts.multiplier("unit", "Thousand")).isEqualByComparingTo("1000");
    assertThat(Amounts.multiplier("unit", "billion")).isEqualByComparingTo("1000000000");
  }

  @Test
  void currenciesFromCodesAndChineseNames() {
    assertThat(Currencies.resolve("usd")).contains("USD");
    assertThat(Currencies.resolve("美元")).contains("USD");
    assertThat(Currencies.resolve("人民币")).contains("CNY");
    assertThat(Currencies.resolve("元")).contains("CNY");
    assertThat(Currencies.resolve("欧元")).contains("EUR");
    assertThat(Currencies.resolve("Euro")).contains("EUR");
    assertThat(Currencies.resolve("XYZ")).isEmpty();
  }

  @Test
  void fxConvertsWithTheYearsRateAndRejectsAMissingYear() {
    FxRates fx = new FxRates(REF);
    // 12.5 亿 CNY in 2019 at 6.9081 CNY per USD
    BigDecimal usd =
        FxRates.toUsd(new BigDecimal("12.5"), new BigDecimal("1E8"), fx.rate("CNY", 2019));
    assertThat(usd).isEqualByComparingTo("180947004.24");
    assertThat(fx.rate("USD", 1990)).isEqualByComparingTo("1");
    assertRejected(() -> fx.rate("CNY", 1999), "missing_fx_rate", "no CNY to USD rate for 1999");
  }

  @Test
  void sectorsAreTechNotTechOrUnknown() {
    Sectors s = new Sectors(REF);
    assertThat(s.isTech("Technology")).isTrue();
    assertThat(s.isTech("Energy")).isFalse();
    assertThat(s.isTech("22040")).isTrue();
    assertThat(s.isTech("21020")).isFalse();
    assertThat(s.isTech("artificial intelligence")).isTrue();
    assertThat(s.isTech("basket weaving")).isNull();
  }

  @Test
  void booleansInTheirUsualSpellings() {
    assertThat(Booleans.parse("is_tech", "Yes")).isTrue();
    assertThat(Booleans.parse("is_tech", "是")).isTrue();
    assertThat(Booleans.parse("is_tech", "0")).isFalse();
    assertThat(Booleans.parse("is_tech", "N")).isFalse();
    assertThat(Booleans.parse("is_tech", " ")).isNull();
    assertRejected(() -> Booleans.parse("is_tech", "maybe"), "invalid_boolean", "'maybe'");
  }

  @Test
  void monthsByNumberAndName() {
    assertThat(Months.parse("month", "November")).isEqualTo(11);
    assertThat(Months.parse("month", "Sep")).isEqualTo(9);
    assertThat(Months.parse("month", "Sept.")).isEqualTo(9);
    assertThat(Months.parse("month", "03")).isEqualTo(3);
    assertThat(Months.parse("month", "三月")).isEqualTo(3);
    assertThat(Months.parse("month", "12月")).isEqualTo(12);
    assertThat(Months.parse("month", "")).isNull();
    assertRejected(() -> Months.parse("month", "13"), "invalid_month", "'13'");
    assertRejected(() -> Months.parse("month", "Smarch"), "invalid_month", "'Smarch'");
    assertRejected(() -> Months.parse("month", "003"), "invalid_month", "'003'");
    assertRejected(() -> Months.parse("month", "月"), "invalid_month", "'月'");
    assertRejected(() -> Months.parse("month", "１２"), "invalid_month", "'１２'");
  }

  @Test
  void aSpellingResolvedBeforeResolvesTheSameAgain() {
    CountryResolver r = new CountryResolver(REF);
    for (int i = 0; i < 2; i++) {
      assertThat(r.resolve("Viet Nam")).contains("VNM");
      assertThat(r.resolve(" vn ")).contains("VNM");
      assertThat(r.resolve("Atlantis")).isEmpty();
    }
  }

  @Test
  void wholeNumbersWithAndWithoutTheShortPath() {
    ColumnSpec year = yearColumn();
    assertThat(Ints.parse(year, "2020")).isEqualTo(2020);
    assertThat(Ints.parse(year, " 2,020 ")).isEqualTo(2020);
    assertThat(Ints.parse(year, "2020.0")).isEqualTo(2020);
    assertThat(Ints.parse(year, "02020")).isEqualTo(2020);
    assertRejected(() -> Ints.parse(year, "2020.5"), "invalid_number", "'2020.5'");
    assertRejected(() -> Ints.parse(year, "20x0"), "invalid_number", "'20x0'");
    assertRejected(() -> Ints.parse(year, "1899"), "range", "1899 is outside");
    assertRejected(() -> Ints.parse(year, "123456789"), "range", "is outside");
    assertRejected(() -> Ints.parse(year, "99999999999"), "range", "is outside");
  }

  @Test
  void aYearWrittenTheChineseWayIsTheYear() {
    ColumnSpec year = yearColumn();
    assertThat(Ints.parse(year, "2019年")).isEqualTo(2019);
    assertThat(Ints.parse(year, " 2019 年 ")).isEqualTo(2019);
    assertRejected(() -> Ints.parse(year, "合计"), "invalid_number", "'合计'");
    assertRejected(() -> Ints.parse(year, "年"), "invalid_number", "'年'");
    ColumnSpec count =
        new ColumnSpec("participants", "int", true, null, "int", null, null, null, null);
    assertRejected(() -> Ints.parse(count, "12年"), "invalid_number", "'12年'");
  }

  /** The investment table's year column, with the range its schema file declares. */
  private static ColumnSpec yearColumn() {
    return Schemas.load(TestPaths.schemas()).table("silver.investment").columns().stream()
        .filter(c -> c.name().equals("year"))
        .findFirst()
        .orElseThrow();
  }

  private static Amounts.Parsed parsed(String value, String unit) {
    return new Amounts.Parsed(new BigDecimal(value), unit);
  }

  static void assertRejected(Runnable r, String rule, String reasonPart) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            RowRejected.class,
            e -> {
              assertThat(e.rule()).isEqualTo(rule);
              assertThat(e.reason()).contains(reasonPart);
            });
  }
}
