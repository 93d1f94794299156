package coopstats.bronze;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one sheet of an Excel workbook (.xlsx) with POI's streaming reader, so a large workbook is
 * never held as cell objects: each non-blank row becomes a record of the text its cells show, with
 * its row number as Excel shows it. An Excel 97-2003 workbook (.xls), told by its content, is read
 * by {@link XlsRecords} into the same records. POI's zip-bomb guards stay on; a workbook they
 * refuse is unreadable like any other.
 */
final class WorkbookRecords {
  private WorkbookRecords() {}

  /**
   * The non-blank rows of one sheet with its merged regions, or why the workbook cannot be read.
   */
  record SheetRows(String sheet, List<Record> rows, List<CellRangeAddress> merges, String error) {
    static SheetRows unreadable(String sheet, String error) {
      return new SheetRows(sheet, List.of(), List.of(), error);
    }
  }

  /** Reads the sheet named {@code wanted} (trimmed, case-insensitive), or the first when null. */
  static SheetRows read(byte[] bytes, String wanted) {
    String label = wanted == null ? "the first sheet" : "sheet '" + wanted + "'";
    if (FileMagic.valueOf(Arrays.copyOf(bytes, Math.min(bytes.length, 8))) == FileMagic.OLE2) {
      String encrypted = encrypted(bytes);
      return encrypted != null
          ? SheetRows.unreadable(label, encrypted)
          : XlsRecords.read(bytes, wanted, label);
    }
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          String name = sheets.getSheetName();
          names.add(name);
          if (wanted == null
              || BronzeReader.headerKey(name).equals(BronzeReader.headerKey(wanted))) {
            return sheet(pkg, reader, name, in, sheets.getSheetPart());
          }
        }
      }
      return SheetRows.unreadable(label, noSheet(label, names));
    } catch (Exception e) {
      String bomb = zipBomb(e);
      return SheetRows.unreadable(
          label,
          bomb != null
              ? bomb
              : "the workbook cannot be read as .xlsx (truncated or damaged?): "
                  + firstLine(e)
                  + ". Redeliver the file as saved by Excel");
    }
  }

  private static final Pattern BOMB_ENTRY = Pattern.compile("Entry: (\\S+)");

  /**
   * Why POI's zip-bomb guard refused the workbook, naming the part (a sheet's XML) that inflates
   * too far; null when {@code e} is not the guard's.
   */
  private static String zipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null || !m.startsWith("Zip bomb detected")) {
        continue;
      }
      Matcher entry = BOMB_ENTRY.matcher(m);
      String part = entry.find() ? "part " + entry.group(1) : "content";
      String how =
          m.contains("MIN_INFLATE_RATIO")
              ? "inflates to more than "
                  + Math.round(1 / ZipSecureFile.getMinInflateRatio())
                  + " times its compressed size"
              : "inflates past " + ZipSecureFile.getMaxEntrySize() + " bytes";
      return "the workbook's "
          + part
          + " "
          + how
          + ", so POI refuses it as a possible zip bomb. Open the file in Excel and save it"
          + " again, or ask its publisher for a copy that is not padded";
    }
    return null;
  }

  private static SheetRows sheet(
      OPCPackage pkg, XSSFReader reader, String name, InputStream in, PackagePart part)
      throws Exception {
    Rows rows = new Rows(name);
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(
        new XSSFSheetXMLHandler(
            reader.getStylesTable(),
            new ReadOnlySharedStringsTable(pkg, false),
            rows,
            new ShownText(),
            false));
    xml.parse(new InputSource(in));
    return new SheetRows(name, rows.out, merges(part), null);
  }

  /** The sheet's merged regions: a second pass that only looks at its {@code mergeCell}s. */
  private static List<CellRangeAddress> merges(PackagePart part) throws Exception {
    List<CellRangeAddress> merges = new ArrayList<>();
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(
        new DefaultHandler() {
          @Override
          public void startElement(String uri, String local, String qName, Attributes a) {
            if ("mergeCell".equals(local) && a.getValue("ref") != null) {
              merges.add(CellRangeAddress.valueOf(a.getValue("ref")));
            }
          }
        });
    try (InputStream in = part.getInputStream()) {
      xml.parse(new InputSource(in));
    }
    return merges;
  }

  /** Why a workbook lacks the sheet {@code label} names, among the sheets it has. */
  static String noSheet(String label, List<String> names) {
    return "the workbook has no "
        + label
        + "; its sheets are "
        + names
        + ". Name one of them under sheet: (or sheets:) in the source's profile";
  }

  /**
   * An OLE2 file is what Excel writes for a password-protected workbook, or an old .xls: why it
   * cannot be read when it is encrypted or not a container at all, else null.
   */
  private static String encrypted(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (fs.getRoot().hasEntry("EncryptionInfo")) {
        return "the workbook is encrypted (password protected), so it cannot be read. Save it"
            + " again without a password and redeliver it";
      }
    } catch (IOException | RuntimeException e) {
      return "the file is an OLE2 container that cannot be read (" + firstLine(e) + ")";
    }
    return null;
  }

  static String firstLine(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }

  /** Collects each non-blank row's cells, blank cells as null, up to its last non-blank cell. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final String sheet;
    private final List<Record> out = new ArrayList<>();
    private List<String> cells;
    private int next;

    Rows(String sheet) {
      this.sheet = sheet;
    }

    @Override
    public void startRow(int row) {
      cells = new ArrayList<>();
      next = 0;
    }

    @Override
    public void cell(String ref, String text, XSSFComment comment) {
      int col = ref == null ? next : new CellReference(ref).getCol();
      next = col + 1;
      if (text == null || text.isBlank()) {
        return;
      }
      while (cells.size() <= col) {
        cells.add(null);
      }
      cells.set(col, text);
    }

    @Override
    public void endRow(int row) {
      if (!cells.isEmpty()) {
        out.add(new Record(row + 1L, raw(sheet, cells), cells, null));
      }
    }
  }

  /** A row as delivered: the sheet's name, then its cells joined like a CSV line. */
  static String raw(String sheet, List<String> cells) {
    StringBuilder s = new StringBuilder("[").append(sheet).append("] ");
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      String c = cells.get(i);
      if (c != null && (c.contains(",") || c.contains("\"") || c.contains("\n"))) {
        s.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else if (c != null) {
        s.append(c);
      }
    }
    return s.toString();
  }
}
