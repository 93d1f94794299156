package coopstats.silver;

import coopstats.contract.ColumnSpec;
import coopstats.contract.ParseKind;
import coopstats.contract.TableSchema;
import coopstats.ref.RefData;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;

/**
 * Makes one typed silver row from one bronze row, column by column as the silver schema file says
 * ({@code parse} and {@code from}). A row that cannot be made valid raises {@link RowRejected}.
 */
final class RowParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ColumnSpec> columns;

  /** Each column's decimal type, or null; parsed once, not per value. */
  private final DecimalType[] decimals;

  /** The source columns of the amounts converted to USD; a row with one of them has an amount. */
  private final List<String> amountSources;

  /** The year column, which says which year's FX rate converts an amount; null when none. */
  private final ColumnSpec yearColumn;

  private final CountryResolver countries;
  private final Sectors sectors;
  private final FxRates fx;

  RowParser(TableSchema silver, RefData ref) {
    this.columns = silver.columns();
    this.decimals =
        columns.stream()
            .map(c -> DataType.fromDDL(c.type()) instanceof DecimalType t ? t : null)
            .toArray(DecimalType[]::new);
    this.amountSources =
        columns.stream()
            .filter(c -> c.parseKind() == ParseKind.USD)
            .map(ColumnSpec::source)
            .toList();
    this.yearColumn =
        columns.stream().filter(c -> c.name().equals("year")).findFirst().orElse(null);
    this.countries = new CountryResolver(ref);
    this.sectors = new Sectors(ref);
    this.fx = new FxRates(ref);
  }

  /**
   * @param fields bronze values by canonical column, profile constants filled in
   * @param lineage source, _file, _line, _run_id, _ingested_at and the generated record key
   */
  Object[] parse(Map<String, String> fields, Map<String, Object> lineage) {
    Context ctx = new Context(fields);
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      Object v = c.parseKind() == ParseKind.LINEAGE ? lineage.get(c.name()) : value(c, ctx);
      if (v instanceof BigDecimal d) {
        v = fit(c, decimals[i], d);
      }
      if (v == null && !c.isNullable()) {
        throw RowRejected.required(c.source());
      }
      out[i] = v;
    }
    return out;
  }

  private Object value(ColumnSpec c, Context ctx) {
    String raw = ctx.raw(c.source());
    return switch (c.parseKind()) {
      case TEXT -> raw;
      case INT -> raw == null ? null : Ints.parse(c, raw);
      case MONTH -> Months.parse(c.source(), raw);
      case BOOLEAN -> Booleans.parse(c.source(), raw);
      case COUNTRY_ISO3 -> raw == null ? null : country(c, raw);
      case IS_TECH -> isTech(ctx, raw);
      case DECIMAL -> ctx.amount(c.source()) == null ? null : ctx.amount(c.source()).value();
      case CURRENCY -> ctx.hasAmount() ? ctx.currency() : null;
      case UNIT -> ctx.hasAmount() ? ctx.unitLabel() : null;
      case FX_RATE -> ctx.hasAmount() ? fx.rate(ctx.currency(), ctx.year()) : null;
      case USD -> usd(c, ctx);
      case LINEAGE -> throw new IllegalStateException("lineage is not parsed: " + c);
    };
  }

  /** Rounds to the column's decimal scale, rejecting a value too large for its precision. */
  private static BigDecimal fit(ColumnSpec c, DecimalType t, BigDecimal d) {
    BigDecimal scaled = d.setScale(t.scale(), RoundingMode.HALF_EVEN);
    if (scaled.precision() > t.precision()) {
      throw RowRejected.tooLarge(c.name(), d.toPlainString());
    }
    return scaled;
  }

  private String country(ColumnSpec c, String raw) {
    return countries.resolve(raw).orElseThrow(() -> RowRejected.unknownCountry(c.source(), raw));
  }

  /** An explicit is_tech value wins; otherwise the sector decides; otherwise unknown. */
  private Boolean isTech(Context ctx, String sector) {
    Boolean explicit = Booleans.parse("is_tech", ctx.raw("is_tech"));
    return explicit != null ? explicit : sectors.isTech(sector);
  }

  private BigDecimal usd(ColumnSpec c, Context ctx) {
    Amounts.Parsed a = ctx.amount(c.source());
    if (a == null) {
      return null;
    }
    BigDecimal multiplier =
        a.unit() != null ? Amounts.multiplier(c.source(), a.unit()) : ctx.unitMultiplier();
    return FxRates.toUsd(a.value(), multiplier, fx.rate(ctx.currency(), ctx.year()));
  }

  /**
   * The values of one row, with the parsed amount, currency, unit and year shared by columns: each
   * is worked out once per row, however many columns read it.
   */
  private final class Context {
    private final Map<String, String> fields;

    /** Amounts parsed so far: several columns read the same one. */
    private final Map<String, Amounts.Parsed> amounts = new HashMap<>(4);

    private Boolean hasAmount;
    private Integer year;
    private String currency;

    Context(Map<String, String> fields) {
      this.fields = fields;
    }

    String raw(String column) {
      String v = fields.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }

    Amounts.Parsed amount(String column) {
      Amounts.Parsed parsed = amounts.get(column);
      if (parsed == null) {
        String v = raw(column);
        if (v == null) {
          return null;
        }
        parsed = Amounts.parse(column, v);
        amounts.put(column, parsed);
      }
      return parsed;
    }

    boolean hasAmount() {
      if (hasAmount == null) {
        hasAmount = amountSources.stream().anyMatch(source -> raw(source) != null);
      }
      return hasAmount;
    }

    int year() {
      if (year == null) {
        String v = raw("year");
        if (v == null) {
          throw RowRejected.yearRequired();
        }
        if (yearColumn == null) {
          throw new IllegalStateException("amounts are converted by year, but there is no year");
        }
        year = Ints.parse(yearColumn, v);
      }
      return year;
    }

    String currency() {
      if (currency == null) {
        String v = raw("currency");
        if (v == null) {
          throw RowRejected.currencyRequired();
        }
        currency = Currencies.resolve(v).orElseThrow(() -> RowRejected.unknownCurrency(v));
      }
      return currency;
    }

    BigDecimal unitMultiplier() {
      return Amounts.multiplier("unit", raw("unit"));
    }

    String unitLabel() {
      String unit = raw("unit");
      if (unit != null) {
        unitMultiplier();
        return unit;
      }
      return amountSources.stream()
          .map(this::amount)
          .filter(a -> a != null && a.unit() != null)
          .map(Amounts.Parsed::unit)
          .findFirst()
          .orElse(null);
    }
  }
}
