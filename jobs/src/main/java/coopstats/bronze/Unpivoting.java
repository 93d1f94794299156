package coopstats.bronze;

import coopstats.contract.Lineage;
import coopstats.contract.SourceProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a wide table's cells go in a bronze row, worked out once per file: the columns whose header
 * the profile's {@code unpivot} matches, and the bronze slots of the header, the value and, for a
 * keyless source, the record id of each cell. A table with its own total column has each row's
 * total checked against the sum of the cells read from the row.
 */
final class Unpivoting {
  private static final Logger LOG = LoggerFactory.getLogger(Unpivoting.class);
  private static final int RAW = Lineage.BRONZE.indexOf(Lineage.RAW);
  private static final int ERROR = Lineage.BRONZE.indexOf(Lineage.ERROR);
  private static final int RULE = Lineage.BRONZE.indexOf(Lineage.RULE);

  /** The file's columns that are unpivoted, in order; a mapped column never is. */
  private final List<Integer> cells = new ArrayList<>();

  private final List<String> headers;
  private final int nameSlot;
  private final int valueSlot;

  /** The record id's slot when the source has no key (each cell names itself), else -1. */
  private final int idSlot;

  /** The file's own total column, which is never unpivoted, or -1. */
  private final int totalColumn;

  private final BigDecimal tolerance;

  /** The header the profile names for the file's own total column, or null. */
  private final String totalHeader;

  Unpivoting(
      SourceProfile profile,
      List<String> headers,
      List<String> mappedKeys,
      List<String> bronzeColumns,
      int lineage) {
    this.headers = headers;
    SourceProfile.Unpivot u = profile.unpivot();
    List<String> keys = headers.stream().map(BronzeReader::headerKey).toList();
    this.totalColumn = u.total() == null ? -1 : keys.indexOf(BronzeReader.headerKey(u.total()));
    this.tolerance = u.toleranceOrZero();
    this.totalHeader = u.total();
    java.util.function.Predicate<String> unpivoted = u.headers();
    for (int i = 0; i < headers.size(); i++) {
      if (i != totalColumn
          && unpivoted.test(headers.get(i))
          && !mappedKeys.contains(BronzeReader.headerKey(headers.get(i)))) {
        cells.add(i);
      }
    }
    this.nameSlot = lineage + bronzeColumns.indexOf(u.nameTo());
    this.valueSlot = lineage + bronzeColumns.indexOf(u.valueTo());
    int id = bronzeColumns.indexOf("record_id");
    this.idSlot = profile.keyColumns().isEmpty() && id >= 0 ? lineage + id : -1;
  }

  /** True when the profile names a total column that the file's header lacks. */
  boolean lacksTotal() {
    return totalColumn < 0 && totalHeader != null;
  }

  /** The unpivoted columns, which are neither mapped nor rescued. */
  Set<Integer> cellColumns() {
    return new TreeSet<>(cells);
  }

  /**
   * One bronze row per non-blank cell of the unpivoted columns of {@code fields}: a copy of {@code
   * row} (the row's mapped values and lineage) with the cell's header, value, text and id. A row
   * whose unpivoted cells are all blank (a note under the table, a blank line) gives none.
   */
  List<Object[]> cells(Object[] row, List<String> fields, String file, String sheet, long line) {
    List<Object[]> out = new ArrayList<>();
    for (int i : cells) {
      String value = fields.get(i);
      if (value == null || value.isBlank()) {
        continue;
      }
      out.add(cell(row, i, value, file, sheet, line));
    }
    Broken broken = out.isEmpty() ? null : totalCheck(fields, file, sheet, line);
    if (broken != null) {
      LOG.warn("{}", broken.reason());
      Object[] total = cell(row, totalColumn, fields.get(totalColumn), file, sheet, line);
      total[ERROR] = broken.reason();
      total[RULE] = broken.rule().ruleName();
      out.add(total);
    }
    return out;
  }

  private Object[] cell(
      Object[] row, int column, String value, String file, String sheet, long line) {
    String header = headers.get(column).strip();
    Object[] cell = row.clone();
    cell[nameSlot] = header;
    cell[valueSlot] = value;
    // The cell's header is part of what was delivered: keep it beside the row's text.
    cell[RAW] = "[" + header + "] " + row[RAW];
    if (idSlot >= 0) {
      cell[idSlot] = file + "#" + (sheet == null ? "" : sheet + "!") + line + ":" + header;
    }
    return cell;
  }

  /**
   * Why the row's own total is not the sum of its cells, or null when it is (within the tolerance),
   * when the table has no total column, or when the total or a cell is not a plain number (silver
   * quarantines such a cell).
   */
  private Broken totalCheck(List<String> fields, String file, String sheet, long line) {
    BigDecimal total = totalColumn < 0 ? null : number(fields.get(totalColumn));
    if (total == null) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i : cells) {
      String value = fields.get(i);
      if (value != null && !value.isBlank()) {
        BigDecimal n = number(value);
        if (n == null) {
          return null;
        }
        sum = sum.add(n);
      }
    }
    if (total.subtract(sum).abs().compareTo(tolerance) <= 0) {
      return null;
    }
    String where = sheet == null ? file : file + ", sheet '" + sheet + "'";
    return Broken.totalMismatch(
        where, line, headers.get(totalColumn).strip(), total, sum, tolerance);
  }

  /** A cell as a number, with thousands separators; null when blank or not a plain number. */
  private static BigDecimal number(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
