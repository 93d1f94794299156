package coopstats.bronze;

import coopstats.contract.SourceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a wide table's cells go in a bronze row, worked out once per file: the columns whose header
 * the profile's {@code unpivot} matches, and the bronze slots of the header, the value and, for a
 * keyless source, the record id of each cell.
 */
final class Unpivoting {
  private static final int RAW =
      coopstats.contract.Lineage.BRONZE.indexOf(coopstats.contract.Lineage.RAW);

  /** The file's columns that are unpivoted, in order; a mapped column never is. */
  private final List<Integer> cells = new ArrayList<>();

  private final List<String> headers;
  private final int nameSlot;
  private final int valueSlot;

  /** The record id's slot when the source has no key (each cell names itself), else -1. */
  private final int idSlot;

  Unpivoting(
      SourceProfile profile,
      List<String> headers,
      List<String> mappedKeys,
      List<String> bronzeColumns,
      int lineage) {
    this.headers = headers;
    SourceProfile.Unpivot u = profile.unpivot();
    for (int i = 0; i < headers.size(); i++) {
      if (u.matches(headers.get(i))
          && !mappedKeys.contains(BronzeReader.headerKey(headers.get(i)))) {
        cells.add(i);
      }
    }
    this.nameSlot = lineage + bronzeColumns.indexOf(u.nameTo());
    this.valueSlot = lineage + bronzeColumns.indexOf(u.valueTo());
    int id = bronzeColumns.indexOf("record_id");
    this.idSlot = profile.keyColumns().isEmpty() && id >= 0 ? lineage + id : -1;
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
      String header = headers.get(i).strip();
      Object[] cell = row.clone();
      cell[nameSlot] = header;
      cell[valueSlot] = value;
      // The cell's header is part of what was delivered: keep it beside the row's text.
      cell[RAW] = "[" + header + "] " + row[RAW];
      if (idSlot >= 0) {
        cell[idSlot] = file + "#" + (sheet == null ? "" : sheet + "!") + line + ":" + header;
      }
      out.add(cell);
    }
    return out;
  }
}
