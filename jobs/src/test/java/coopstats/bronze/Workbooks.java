package coopstats.bronze;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
      return tracker(wb);
    }
  }

  /** {@link #tracker()} saved as an Excel 97-2003 workbook (.xls). */
  public static byte[] trackerXls() throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      return tracker(wb);
    }
  }

  private static byte[] tracker(Workbook wb) throws IOException {
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

  /**
   * The deals of {@link #aei()}'s sheets: year, month, company, amount (a number cell, or text as a
   * person typed it), sector, country. Share size, transaction party, subsector, region, BRI and
   * greenfield are filled in around them.
   */
  public static final List<List<Object>> INVESTMENTS =
      List.of(
          List.of(2019, "January", "Chery", 1740, "Transport", "Brazil"),
          List.of(2019, "March", "Huawei", 120.5, "Technology", "Kenya"),
          List.of(2020, "May", "Sinopec", "1,037", "Energy", "Angola"));

  public static final List<List<Object>> CONSTRUCTION =
      List.of(
          List.of(2019, "June", "China Railway Construction", 540, "Transport", "Singapore"),
          List.of(2020, "July", "PowerChina", 300, "Energy", "Pakistan"));

  public static final List<List<Object>> TROUBLED =
      List.of(List.of(2019, "April", "Anbang", 2000, "Finance", "United States"));

  /**
   * A workbook laid out as AEI ships the China Global Investment Tracker: four sheets, each with
   * title rows 1, 2 and 4 and its header on row 6 (row 5 in the combined sheet, which lacks the
   * blank row), headers that differ by sheet, number and text cells, and styled empty cells to the
   * right of the header.
   */
  public static byte[] aei() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle styled = wb.createCellStyle();
      styled.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.YELLOW.getIndex());
      styled.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
      aeiSheet(
          wb.createSheet("Dataset 1"),
          "Dataset 1 Investments",
          6,
          List.of(
              "Year",
              "Month",
              "Investor",
              "Quantity in Millions",
              "Share Size",
              "Transaction Party",
              "Sector",
              "Subsector",
              "Country",
              "Region",
              "BRI",
              "Greenfield"),
          INVESTMENTS,
          styled);
      aeiSheet(
          wb.createSheet("Dataset 2"),
          "Dataset 2 Construction",
          6,
          List.of(
              "Year",
              "Month",
              "Contractor",
              "Quantity in Millions",
              "Share Size",
              "Transaction Party",
              "Sector",
              "Subsector",
              "Country",
              "Region",
              "BRI"),
          CONSTRUCTION,
          styled);
      aeiSheet(
          wb.createSheet("Dataset 3"),
          "Dataset 3 Troubled Transactions",
          6,
          List.of(
              "Year",
              "Month",
              "Chinese Entity",
              "Quantity in Millions",
              "Transaction Party",
              "Sector",
              "Subsector",
              "Country",
              "Region",
              "Greenfield",
              "BRI"),
          TROUBLED,
          styled);
      List<List<Object>> both = new ArrayList<>(INVESTMENTS);
      both.addAll(CONSTRUCTION);
      aeiSheet(
          wb.createSheet("Dataset 1+2"),
          "Dataset 1+2 Investments and Construction",
          5,
          List.of(
              "Year",
              "Month",
              "Chinese Entity",
              "Quantity in Millions",
              "Share size",
              "Transaction Party",
              "Sector",
              "Subsector",
              "Country",
              "Region",
              "BRI"),
          both,
          styled);
      return bytes(wb);
    }
  }

  private static void aeiSheet(
      Sheet s,
      String title,
      int headerRow,
      List<String> header,
      List<List<Object>> deals,
      CellStyle styled) {
    row(s, 1, "China Global Investment Tracker");
    row(
        s,
        2,
        "© Data compiled by The American Enterprise Institute and The Heritage Foundation. All"
            + " rights reserved.");
    row(s, 4, title);
    Row h = row(s, headerRow, header.toArray());
    for (int i = header.size(); i < header.size() + 3; i++) {
      h.createCell(i).setCellStyle(styled);
    }
    int number = headerRow;
    for (List<Object> d : deals) {
      Row r = s.createRow(number++);
      for (int i = 0; i < header.size(); i++) {
        Object v =
            switch (header.get(i)) {
              case "Year" -> d.get(0);
              case "Month" -> d.get(1);
              case "Investor", "Contractor", "Chinese Entity" -> d.get(2);
              case "Quantity in Millions" -> d.get(3);
              case "Sector" -> d.get(4);
              case "Country" -> d.get(5);
              // Number cells beside empty text cells, as in AEI's files.
              case "Share Size", "Share size" -> number % 2 == 0 ? 0.5 : "";
              case "BRI" -> number % 2 == 0 ? 1 : null;
              default -> "";
            };
        if (v instanceof Number n) {
          r.createCell(i).setCellValue(n.doubleValue());
        } else if (v instanceof String t) {
          r.createCell(i).setCellValue(t);
        }
      }
    }
  }

  /** The years of {@link #mofcom()}'s table, as its header writes them. */
  public static final List<String> MOFCOM_YEARS =
      List.of("2019年", "2020年", "2021年", "2022年", "2023年");

  /**
   * The country rows of {@link #mofcom()}: a short Chinese name, then a cell per year in 万美元 (a
   * number cell, text as a person typed it, or null for a blank cell). Net flows, so some are
   * negative.
   */
  public static final List<List<Object>> MOFCOM_ROWS =
      List.of(
          java.util.Arrays.asList("肯尼亚", 12345, -2083, 31234.5, 8000, 5000),
          java.util.Arrays.asList("刚果（金）", -4821, 10456, null, 2000, 3000.25),
          java.util.Arrays.asList("刚果（布）", 2500, "1,800", 1200, -150, 900),
          java.util.Arrays.asList("南非", 33870, 30000, 48000, null, 12000));

  /**
   * A sheet laid out as MOFCOM's Statistical Bulletin lays out its country-by-year table: a title
   * merged across the header, the unit on its own row, {@code 国家(地区)} and the years across, the
   * countries, a {@code 合计} row that sums each year, and a note under the table.
   */
  public static byte[] mofcom() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("表3-5");
      row(s, 1, "2019-2023年中国对非洲直接投资流量情况");
      s.addMergedRegion(CellRangeAddress.valueOf("A1:F1"));
      row(s, 2, "单位：万美元");
      List<Object> header = new ArrayList<>(List.of("国家(地区)"));
      header.addAll(MOFCOM_YEARS);
      row(s, 3, header.toArray());
      int number = 4;
      double[] totals = new double[MOFCOM_YEARS.size()];
      for (List<Object> r : MOFCOM_ROWS) {
        row(s, number++, r.toArray());
        for (int i = 0; i < totals.length; i++) {
          Object v = r.get(i + 1);
          totals[i] += v instanceof Number n ? n.doubleValue() : v == null ? 0 : parse((String) v);
        }
      }
      Row total = row(s, number++, "合计");
      for (int i = 0; i < totals.length; i++) {
        total.createCell(i + 1).setCellValue(totals[i]);
      }
      row(s, number + 1, "注：流量为负值表示该年度撤资大于投资。");
      return bytes(wb);
    }
  }

  private static double parse(String text) {
    return Double.parseDouble(text.replace(",", ""));
  }

  /** A workbook whose only sheet holds a title and no header. */
  static byte[] titleOnly() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      row(wb.createSheet("Notes"), 1, "Nothing to see here");
      return bytes(wb);
    }
  }

  /**
   * {@link #tracker()} with its first sheet's XML padded by an XML comment of {@code mib} MiB of
   * spaces: a zip bomb, whose sheet inflates to far more than a hundred times its compressed size.
   */
  public static byte[] zipBomb(int mib) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(tracker()));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          int root = xml.indexOf("<worksheet");
          zip.write(xml.substring(0, root).getBytes(StandardCharsets.UTF_8));
          zip.write("<!--".getBytes(StandardCharsets.UTF_8));
          byte[] spaces = new byte[1 << 20];
          Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < mib; i++) {
            zip.write(spaces);
          }
          zip.write("-->".getBytes(StandardCharsets.UTF_8));
          zip.write(xml.substring(root).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(data);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
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

  public static byte[] bytes(Workbook wb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }
}
