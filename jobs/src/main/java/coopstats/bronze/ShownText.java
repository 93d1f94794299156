package coopstats.bronze;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A workbook cell's number as the text a person sees, in the forms silver parses: a date cell as an
 * ISO date ({@code 2019-03-01}), whatever its display format; a number in the General format with
 * the digits Excel keeps ({@code 1740}, not {@code 1740.0}; {@code 0.0006}, not {@code 6E-04}); any
 * other format as Excel shows it ({@code 1,740.00}).
 */
final class ShownText extends DataFormatter {
  /** Excel keeps 15 significant digits; a double's further digits are noise (0.1 + 0.2). */
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  @Override
  public String formatRawCellContents(
      double value, int formatIndex, String formatString, boolean use1904Windowing) {
    if (DateUtil.isADateFormat(formatIndex, formatString)
        && DateUtil.isValidExcelDate(value)
        && value >= 1) {
      LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing);
      return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
    }
    if (formatString == null || formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
      return plain(value);
    }
    return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
  }

  static String plain(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal d = BigDecimal.valueOf(value).round(EXCEL_DIGITS).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }
}
