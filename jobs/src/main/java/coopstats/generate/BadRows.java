package coopstats.generate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damages about 1% of a file's rows the ways real deliveries are damaged, one defect per row, and
 * names the quarantine rule each defect must end up under. Row {@code i} of a kind is damaged when
 * {@code i % 100 == 37}; the last row of every file is an unbalanced quote instead, which is
 * exactly one malformed record because nothing follows it that could close the quote.
 */
final class BadRows {
  static final String MALFORMED = "malformed_record";
  private static final List<String> DEFECTS =
      List.of("invalid_number", "unknown_country", "negative_amount", "range", "duplicate_key");
  private static final List<String> NOT_NUMBERS = List.of("n/a", "TBD", "1.2.3", "12,34,5");
  private static final List<String> NOT_COUNTRIES =
      List.of("Atlantis", "Narnia", "Wakanda", "Freedonia", "Genovia");

  /** Recent good rows of the current file, the ones a duplicate may repeat. */
  private final Deque<String[]> recent = new ArrayDeque<>();

  private final Kind kind;

  BadRows(Kind kind) {
    this.kind = kind;
  }

  /** Starts a new file: a duplicate repeats a row of the same delivery only. */
  void newFile() {
    recent.clear();
  }

  static boolean isDamaged(long index) {
    return index % 100 == 37;
  }

  /** Damages {@code row} in place; returns the rule that will quarantine it. */
  String damage(String[] row, SplittableRandom r) {
    String defect = DEFECTS.get(r.nextInt(DEFECTS.size()));
    if (defect.equals("duplicate_key") && recent.isEmpty()) {
      defect = "invalid_number";
    }
    switch (defect) {
      case "invalid_number" -> row[kind.amountColumn()] = Seeds.oneOf(r, NOT_NUMBERS);
      case "unknown_country" -> row[kind.countryColumn()] = Seeds.oneOf(r, NOT_COUNTRIES);
      case "negative_amount" -> row[kind.amountColumn()] = "-" + (1 + r.nextInt(999));
      case "range" -> row[kind.yearColumn()] = Integer.toString(1890 + r.nextInt(40));
      default -> {
        // The same key again later in the delivery, with a corrected amount: the earlier line
        // is the one quarantined.
        String[] earlier = recent.pollFirst();
        System.arraycopy(earlier, 0, row, 0, row.length);
        row[kind.amountColumn()] = Integer.toString(1 + r.nextInt(9999));
      }
    }
    return defect;
  }

  /** Remembers a good row as one a later duplicate may repeat. */
  void remember(String[] row) {
    recent.addLast(row);
    if (recent.size() > 64) {
      recent.pollFirst();
    }
  }
}
