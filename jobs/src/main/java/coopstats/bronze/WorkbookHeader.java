package coopstats.bronze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Finds a sheet's header row and lines the rows below it up under it, as a CSV file's records: the
 * rows above the header are titles, not data.
 */
final class WorkbookHeader {
  private WorkbookHeader() {}

  /**
   * The header record, then every row below it, each as wide as the header at least; null when no
   * row is the header. {@code headerRow} is the header's row as Excel numbers it, or 0 for the
   * first row that holds every key of {@code requiredKeys}.
   */
  static List<Record> fromHeader(
      WorkbookRecords.SheetRows sheet, int headerRow, List<String> requiredKeys) {
    Map<Long, List<String>> byLine = new HashMap<>();
    sheet.rows().forEach(r -> byLine.put(r.line(), r.values()));
    for (int i = 0; i < sheet.rows().size(); i++) {
      Record r = sheet.rows().get(i);
      List<String> cells = merged(r, sheet.merges(), byLine);
      boolean isHeader =
          headerRow > 0
              ? r.line() == headerRow
              : cells.stream().map(BronzeReader::headerKey).toList().containsAll(requiredKeys);
      if (isHeader) {
        List<Record> out = new ArrayList<>();
        out.add(new Record(r.line(), r.raw(), cells, null));
        for (Record data : sheet.rows().subList(i + 1, sheet.rows().size())) {
          out.add(padded(data, cells.size()));
        }
        return out;
      }
      if (headerRow > 0 && r.line() > headerRow) {
        return null;
      }
    }
    return null;
  }

  /**
   * A row's cells with each merged region that covers them given the value of its top-left cell,
   * which is where Excel keeps it: a header merged over two columns names both.
   */
  private static List<String> merged(
      Record r, List<CellRangeAddress> merges, Map<Long, List<String>> byLine) {
    List<String> cells = new ArrayList<>(r.values());
    int row = (int) r.line() - 1;
    for (CellRangeAddress m : merges) {
      if (row < m.getFirstRow() || row > m.getLastRow()) {
        continue;
      }
      List<String> top = byLine.getOrDefault(m.getFirstRow() + 1L, List.of());
      String value = m.getFirstColumn() < top.size() ? top.get(m.getFirstColumn()) : null;
      while (value != null && cells.size() <= m.getLastColumn()) {
        cells.add(null);
      }
      for (int c = m.getFirstColumn(); value != null && c <= m.getLastColumn(); c++) {
        cells.set(c, value);
      }
    }
    return cells;
  }

  /** A row with blank cells up to the header's width: Excel does not store trailing blanks. */
  private static Record padded(Record r, int width) {
    if (r.values().size() >= width) {
      return r;
    }
    List<String> cells = new ArrayList<>(r.values());
    while (cells.size() < width) {
      cells.add(null);
    }
    return new Record(r.line(), r.raw(), cells, null);
  }
}
