package coopstats.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a landing folder for all four kinds: {@code n} investment rows, a twentieth as many
 * joint-lab rows, a fiftieth as many training rows and a tenth as many fund rows, in files of at
 * most {@code fileRows} rows. Every third CSV file is GB18030 with an export-style header. A
 * night's delta ({@code night != null}) writes a hundredth as many new rows per kind, plus a tenth
 * of that as corrections of existing keys, into {@code <source>/dt=<night>/}.
 */
public final class Generator {
  /** Where, how much, and how. */
  public record Settings(
      Path schemas, Path out, long rows, long seed, long fileRows, LocalDate night) {}

  private final Settings settings;
  private final Report report = new Report();

  private Generator(Settings settings) {
    this.settings = settings;
  }

  public static Report write(Settings settings) {
    Generator g = new Generator(settings);
    RefPools pools = RefPools.load(settings.schemas());
    long seed = settings.seed();
    for (Kind k :
        List.of(
            new Investment(seed, pools),
            new JointLab(seed, pools),
            new Training(seed, pools),
            new Fund(seed, pools))) {
      try {
        g.write(k);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return g.report;
  }

  private void write(Kind kind) throws IOException {
    long history = kind.rows(settings.rows());
    LocalDate night = settings.night();
    String space = night == null ? "" : night.toString().replace("-", "");
    long fresh = night == null ? history : Math.max(1, history / 100);
    long corrections = night == null ? 0 : Math.max(1, fresh / 10);
    long total = fresh + corrections;
    SplittableRandom nightly = Seeds.of(settings.seed(), kind.name() + "/corrections" + space, 0);
    BadRows bad = new BadRows(kind);
    RowWriter out = null;
    try {
      for (long i = 0; i < total; i++) {
        long inFile = i % settings.fileRows();
        if (inFile == 0) {
          if (out != null) {
            out.close();
          }
          out = open(kind, i / settings.fileRows(), space);
          bad.newFile();
        }
        String[] row =
            i < fresh ? kind.row(space, i) : correction(kind, nightly, Math.max(1, history));
        report.row(kind.name());
        boolean last = inFile == settings.fileRows() - 1 || i == total - 1;
        if (last) {
          out.writeBroken(row);
          report.damaged(kind.name(), BadRows.MALFORMED);
        } else if (BadRows.isDamaged(i)) {
          report.damaged(kind.name(), bad.damage(row, kind.random(space + "/bad", i)));
          out.write(row);
        } else {
          out.write(row);
          bad.remember(row);
        }
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
  }

  /** An existing key delivered again with a new amount, as a source corrects a figure. */
  private static String[] correction(Kind kind, SplittableRandom r, long history) {
    String[] row = kind.row("", r.nextLong(history));
    row[kind.amountColumn()] = String.format(java.util.Locale.ROOT, "%.2f", r.nextDouble() * 1000);
    return row;
  }

  private RowWriter open(Kind kind, long part, String space) throws IOException {
    boolean legacy = !kind.jsonLines() && part % 3 == 2;
    Charset charset = legacy ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    String name =
        (space.isEmpty() ? "" : "night-" + space + "-")
            + String.format("part-%05d", part)
            + (legacy ? "-gb18030" : "")
            + (kind.jsonLines() ? ".jsonl" : ".csv");
    Path dir = settings.out().resolve(kind.name());
    if (settings.night() != null) {
      dir = dir.resolve("dt=" + settings.night());
    }
    report.file(kind.name());
    return new RowWriter(dir.resolve(name), charset, kind, legacy);
  }
}
