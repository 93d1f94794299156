package coopstats.silver;

import coopstats.ref.RefData;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/** Yearly average FX rates from {@code ref.fx_rate}; converts an amount to USD. */
final class FxRates implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<String, BigDecimal> unitsPerUsd = new HashMap<>();

  FxRates(RefData ref) {
    for (RefData.FxRate r : ref.fxRates()) {
      unitsPerUsd.put(r.currency() + ":" + r.year(), r.unitsPerUsd());
    }
  }

  /** Units of {@code currency} per USD in {@code year}; USD is 1. */
  BigDecimal rate(String currency, int year) {
    if ("USD".equals(currency)) {
      return BigDecimal.ONE;
    }
    BigDecimal rate = unitsPerUsd.get(currency + ":" + year);
    if (rate == null) {
      throw RowRejected.missingFxRate(currency, year);
    }
    return rate;
  }

  /** amount × unit multiplier ÷ rate, in USD rounded to the cent. */
  static BigDecimal toUsd(BigDecimal amount, BigDecimal multiplier, BigDecimal rate) {
    return amount.multiply(multiplier).divide(rate, 2, RoundingMode.HALF_EVEN);
  }
}
