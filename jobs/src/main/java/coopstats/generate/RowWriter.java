package coopstats.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One landing file, written row by row: CSV (quoted where needed) or JSON Lines. */
final class RowWriter implements AutoCloseable {
  private final Writer out;
  private final List<String> columns;
  private final List<String> numeric;
  private final boolean json;

  RowWriter(Path file, Charset charset, Kind kind, boolean messyHeader) throws IOException {
    Files.createDirectories(file.getParent());
    this.out =
        new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16);
    this.columns = kind.header();
    this.numeric = kind.numericColumns();
    this.json = kind.jsonLines();
    if (!json) {
      List<String> header = messyHeader ? columns.stream().map(RowWriter::messy).toList() : columns;
      out.write(String.join(",", header));
      out.write('\n');
    }
  }

  /** Headers as exports write them: capitalised, some padded with spaces. */
  private static String messy(String column) {
    String c = Character.toUpperCase(column.charAt(0)) + column.substring(1);
    return column.contains("amount") || column.endsWith("_id") ? " " + c + " " : c;
  }

  void write(String[] row) throws IOException {
    if (json) {
      out.write(Json.object(columns, numeric, row));
    } else {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(csv(row[i]));
      }
    }
    out.write('\n');
  }

  /** A row whose quote is never closed, or a JSON object cut off mid-way. */
  void writeBroken(String[] row) throws IOException {
    if (json) {
      String whole = Json.object(columns, numeric, row);
      out.write(whole, 0, whole.length() / 2);
    } else {
      row[1] = "\"" + row[1];
      out.write(String.join(",", row).replace("\n", " "));
    }
    out.write('\n');
  }

  private static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) {
      return v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
