package coopstats.bronze;

import java.util.Collection;
import java.util.List;

/**
 * What is wrong with a delivered record: the rule it breaks and the reason, for people. Every
 * reason bronze gives is written here.
 */
record Broken(BronzeRule rule, String reason) {
  static Broken malformed(String reason) {
    return new Broken(BronzeRule.MALFORMED_RECORD, reason);
  }

  /** A file whose header lacks required columns ({@code missing}) among those it has. */
  static Broken missingColumns(
      List<String> missing, Collection<String> expected, List<String> found) {
    return new Broken(
        BronzeRule.MISSING_COLUMN,
        BronzeRule.MISSING_COLUMN_REASON + missing + "; expected " + expected + ", found " + found);
  }

  /**
   * A sheet without its header: row {@code headerRow} is blank, or (0) no row holds every required
   * header.
   */
  static Broken headerNotFound(
      List<String> required, Collection<String> expected, String where, int headerRow) {
    return new Broken(
        BronzeRule.MISSING_COLUMN,
        BronzeRule.MISSING_COLUMN_REASON
            + required
            + ": "
            + (headerRow > 0
                ? "row " + headerRow + " of " + where + " is blank"
                : "no row of " + where + " holds them all")
            + "; expected "
            + expected
            + ". Set header_row: in the source's profile, or map the headers under columns:");
  }

  /** A workbook, or its sheet, that cannot be read at all. */
  static Broken unreadable(String file, String sheet, String error) {
    return new Broken(BronzeRule.UNREADABLE_FILE, file + ", " + sheet + ": " + error);
  }

  /**
   * A row whose own total, in the column headed {@code header}, is not the sum of its cells. {@code
   * where} names the file and, in a workbook, the sheet.
   */
  static Broken totalMismatch(
      String where,
      long line,
      String header,
      java.math.BigDecimal total,
      java.math.BigDecimal sum,
      java.math.BigDecimal tolerance) {
    return new Broken(
        BronzeRule.TOTAL_MISMATCH,
        where
            + ", row "
            + line
            + ": the file's total '"
            + header
            + "' is "
            + total.toPlainString()
            + " but the cells read from the row sum to "
            + sum.toPlainString()
            + " (tolerance "
            + tolerance.toPlainString()
            + "); the cells are kept as read. Ask the publisher which is right, or widen"
            + " unpivot's total_tolerance in the source's profile if the difference is rounding");
  }
}
