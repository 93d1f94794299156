package coopstats.bronze;

import java.util.Locale;

/**
 * The rules a delivered record breaks before it has values. Bronze keeps the rule's name in {@code
 * _rule} beside the reason in {@code _error}; silver quarantines the record under that name.
 */
public enum BronzeRule {
  /**
   * The record cannot be read: an unbalanced quote, a field count other than the header's, a line
   * that is not a JSON object, or a header that cannot be read.
   */
  MALFORMED_RECORD,
  /**
   * The file (CSV, workbook) or the line (JSON Lines) lacks a column its landing contract requires.
   */
  MISSING_COLUMN,
  /**
   * The workbook cannot be opened: encrypted, truncated or damaged, or without the profile's sheet.
   * Its one bronze row (line 0) stands for the whole file.
   */
  UNREADABLE_FILE,
  /**
   * A wide table's row whose own total (the profile's {@code unpivot.total}) differs from the sum
   * of the cells read from it by more than the tolerance. The total itself is the record that
   * breaks the rule; the row's cells are kept as read.
   */
  TOTAL_MISMATCH;

  /** How the reason of {@link #MISSING_COLUMN} begins; see {@link #of}. */
  static final String MISSING_COLUMN_REASON = "missing required column(s) ";

  /** The name quarantine and ops.quality show, such as {@code missing_column}. */
  public String ruleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The rule name of a bronze row with an error: its {@code _rule}. Rows ingested before bronze
   * kept {@code _rule} have only the reason, so for them ({@code rule} null) the rule is told from
   * the words the reader has always begun a missing column's reason with.
   */
  public static String of(String rule, String error) {
    if (rule != null) {
      return rule;
    }
    return (error.startsWith(MISSING_COLUMN_REASON) ? MISSING_COLUMN : MALFORMED_RECORD).ruleName();
  }
}
