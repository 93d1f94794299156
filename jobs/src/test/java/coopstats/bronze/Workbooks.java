package coopstats.bronze;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks built with POI for the tests, shaped like the publications users receive. */
public final class Workbooks {
  private Workbooks() {}

  /**
   * The AEI tracker's layout: titles above a header on row 6 ("Year" merged down from row 5), a
   * number, a number stored as text, a date, formulas, a blank row, and a second sheet.
   */
  public static byte[] tracker() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("d-mmm-yy"));
      Sheet s = wb.createSheet("Dataset 1");
      row(s, 1, "China Global Investment Tracker");
      s.addMergedRegion(CellRangeAddress.valueOf("A1:G1"));
      row(s, 2, "American Enterprise Institute, fall 2021");
      row(s, 4, "Amounts in USD millions");
      row(s, 5, "Year");
      s.addMergedRegion(CellRangeAddress.valueOf("A5:A6"));
      row(
          s,
          6,
          null,
          "Month",
          "Investor",
          "Quantity in Millions",
          "Share Size",
          "Sector",
          "Country",
          "Notes");
      row(s, 7, 2019, "March", "Chery", 1740, 12.5, "Transport", "Brazil", "first");
      Row r8 = row(s, 8, "2020", null, "Huawei, Ltd", null, "", null, "Kenya");
      r8.createCell(1).setCellValue(java.time.LocalDate.of(2020, 1, 15));
      r8.getCell(1).setCellStyle(date);
      r8.createCell(3).setCellFormula("1000+200.5");
      r8.createCell(5).setCellFormula("\"Ener\"&\"gy\"");
      row(s, 9, "  ");
      row(s, 10, 2021, null, "Sinopec", "1,200", null, "Energy", "Angola");
      s.getRow(9).createCell(4).setCellFormula("0.1+0.2");
      Sheet two = wb.createSheet("Dataset 2");
      row(two, 1, "Year", "Quantity in Millions", "Sector", "Country");
      row(two, 2, 2018, 300, "Metals", "Peru");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      return bytes(wb);
    }
  }

  /** A workbook whose only sheet holds a title and no header. */
  static byte[] titleOnly() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      row(wb.createSheet("Notes"), 1, "Nothing to see here");
      return bytes(wb);
    }
  }

  /** {@code workbook} encrypted with a password, as Excel saves a protected file. */
  public static byte[] encrypted(byte[] workbook) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(workbook);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  /** Writes row {@code number} (1-based, as Excel shows it): text, numbers, or null for none. */
  public static Row row(Sheet s, int number, Object... cells) {
    Row r = s.createRow(number - 1);
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] instanceof String t) {
        r.createCell(i).setCellValue(t);
      } else if (cells[i] instanceof Number n) {
        Cell c = r.createCell(i);
        c.setCellValue(n.doubleValue());
      }
    }
    return r;
  }

  public static byte[] bytes(XSSFWorkbook wb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }
}
