package coopstats.bronze;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads one sheet of an Excel 97-2003 workbook (.xls) into the records {@link WorkbookRecords}
 * gives for an .xlsx: the same cell text, row numbers and merged regions. Such a workbook holds at
 * most 65,536 rows, so it is read whole.
 */
final class XlsRecords {
  private XlsRecords() {}

  static WorkbookRecords.SheetRows read(byte[] bytes, String wanted, String label) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      List<String> names = new ArrayList<>();
      for (Sheet s : wb) {
        names.add(s.getSheetName());
        if (wanted == null
            || BronzeReader.headerKey(s.getSheetName()).equals(BronzeReader.headerKey(wanted))) {
          return rows(
              s,
              wb instanceof HSSFWorkbook h && h.getInternalWorkbook().isUsing1904DateWindowing());
        }
      }
      return WorkbookRecords.SheetRows.unreadable(label, WorkbookRecords.noSheet(label, names));
    } catch (Exception e) {
      return WorkbookRecords.SheetRows.unreadable(
          label,
          "the workbook cannot be read as .xls (truncated or damaged?): "
              + WorkbookRecords.firstLine(e)
              + ". Redeliver the file as saved by Excel");
    }
  }

  /** The sheet's non-blank rows, blank cells as null, each up to its last non-blank cell. */
  private static WorkbookRecords.SheetRows rows(Sheet sheet, boolean date1904) {
    ShownText shown = new ShownText();
    List<Record> out = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (Cell c : row) {
        String text = text(c, shown, date1904);
        if (text == null || text.isBlank()) {
          continue;
        }
        while (cells.size() <= c.getColumnIndex()) {
          cells.add(null);
        }
        cells.set(c.getColumnIndex(), text);
      }
      if (!cells.isEmpty()) {
        String name = sheet.getSheetName();
        out.add(new Record(row.getRowNum() + 1L, WorkbookRecords.raw(name, cells), cells, null));
      }
    }
    return new WorkbookRecords.SheetRows(sheet.getSheetName(), out, sheet.getMergedRegions(), null);
  }

  /** A cell as a person sees it, as the .xlsx reader shows it; a formula as its cached value. */
  private static String text(Cell c, ShownText shown, boolean date1904) {
    CellType type =
        c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (type) {
      case NUMERIC ->
          shown.formatRawCellContents(
              c.getNumericCellValue(),
              c.getCellStyle().getDataFormat(),
              c.getCellStyle().getDataFormatString(),
              date1904);
      case STRING -> c.getRichStringCellValue().getString();
      case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
      case ERROR -> "ERROR:" + FormulaError.forInt(c.getErrorCellValue()).getString();
      default -> null;
    };
  }
}
