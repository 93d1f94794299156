package coopstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The ROI chart as ProgramRoiSection draws it, from nine programmes' rows: nine lines a reader can
 * tell apart, none on the frame, and negative ticks only where values are negative.
 */
class TestCharts {
  @TempDir static Path dir;
  static final int YEARS = 10;

  /**
   * Nine programmes over ten years, from a steady loss of 100 % (the lowest ROI there is) to 5,000
   * %, with one at exactly 0 % and one small (+2 %).
   */
  static List<Row> nineProgrammes() {
    double[] roi = {-100, -40, -5, 0, 2, 15, 80, 600, 5000};
    List<Row> rows = new ArrayList<>();
    for (int year = 2014; year < 2014 + YEARS; year++) {
      for (int p = 0; p < roi.length; p++) {
        rows.add(RowFactory.create("programme " + (p + 1), year, roi[p], "programme_records"));
      }
    }
    return rows;
  }

  static ChartSvg draw(String id, org.jfree.chart.JFreeChart chart) throws Exception {
    String figure = Svg.of(id, chart);
    Element svg =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(figure.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    return new ChartSvg((Element) svg.getElementsByTagName("svg").item(0));
  }

  @Test
  void nineSeriesGetNineColoursFarApart() throws Exception {
    ChartSvg chart = draw("roi", ProgramRoiSection.yearlyChart(nineProgrammes()));
    List<ChartSvg.Segment> lines = chart.seriesLines();
    // Nine lines of nine segments each, one colour per line.
    assertThat(lines).hasSize(9 * (YEARS - 1));
    Set<Color> colours = lines.stream().map(ChartSvg.Segment::stroke).collect(Collectors.toSet());
    assertThat(colours).hasSize(9);
    List<Color> all = List.copyOf(colours);
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertThat(Colours.deltaE(all.get(i), all.get(j)))
            .as(all.get(i) + " against " + all.get(j))
            .isGreaterThan(25);
      }
    }
  }

  @Test
  void eachLineHasItsOwnDashAndTheLegendNamesAll() throws Exception {
    String figure = Svg.of("roi", ProgramRoiSection.yearlyChart(nineProgrammes()));
    for (int p = 1; p <= 9; p++) {
      assertThat(figure).contains(">programme " + p + "<");
    }
    // One solid line and eight distinct dash patterns.
    Set<String> dashes =
        java.util.regex.Pattern.compile("stroke-dasharray=\"([0-9,.]+)\"")
            .matcher(figure)
            .results()
            .map(m -> m.group(1))
            .filter(d -> !d.equals("2,2")) // the gridlines'
            .collect(Collectors.toSet());
    assertThat(dashes).hasSize(8);
  }

  @Test
  void noLineLiesOnTheFrame() throws Exception {
    ChartSvg chart = draw("roi", ProgramRoiSection.yearlyChart(nineProgrammes()));
    assertOffFrame(chart);
  }

  @Test
  void theSymlogAxisLabelsLossesAndGainsByDecade() throws Exception {
    ChartSvg chart = draw("roi", ProgramRoiSection.yearlyChart(nineProgrammes()));
    assertThat(chart.texts())
        .contains("0", "10", "100", "1,000", "10,000", "\u221210", "\u2212100")
        .doesNotContain("\u22121,000", "1", "\u22121");
    // -100 % and +5,000 % are 0.08 of the axis inside the frame at each end.
    double[] frame = chart.frame();
    List<ChartSvg.Segment> lines = chart.seriesLines();
    double lowest = lines.stream().mapToDouble(ChartSvg.Segment::y1).max().orElseThrow();
    double highest = lines.stream().mapToDouble(ChartSvg.Segment::y1).min().orElseThrow();
    double height = frame[3] - frame[1];
    assertThat((frame[3] - lowest) / height).isCloseTo(0.08 / 1.16, within(0.01));
    assertThat((highest - frame[1]) / height).isCloseTo(0.08 / 1.16, within(0.01));
  }

  @Test
  void noNegativeTicksWithoutNegativeValues() throws Exception {
    List<Row> shares = new ArrayList<>();
    for (Row r : nineProgrammes()) {
      shares.add(RowFactory.create(r.get(0), r.get(1), Math.max(0, r.getDouble(2)), r.get(3)));
    }
    ChartSvg chart = draw("roi", ProgramRoiSection.yearlyChart(shares));
    assertThat(chart.negativeLabels()).isEmpty();
    assertOffFrame(chart);
  }

  /** In Chromium's rendering each of the nine colours paints its line and its points. */
  @Test
  void chromiumPaintsTheNineColours() throws Exception {
    Path page = dir.resolve("nine.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body style=\"margin:0\">"
            + Svg.of("roi", ProgramRoiSection.yearlyChart(nineProgrammes()))
            + "</body></html>",
        StandardCharsets.UTF_8);
    Chromium.shoot(dir, "nine", page, Svg.WIDTH, Svg.HEIGHT + 40, null);
    Map<Integer, Integer> colours = Chromium.colours(dir.resolve("nine.png"));
    for (Color c : Palette.COLOURS) {
      assertThat(colours.getOrDefault(c.getRGB() & 0xFFFFFF, 0))
          .as("pixels of " + c)
          .isGreaterThan(100);
    }
  }

  /** Every series line is at least two pixels inside the plot frame, top and bottom. */
  static void assertOffFrame(ChartSvg chart) {
    double[] frame = chart.frame();
    List<ChartSvg.Segment> lines = chart.seriesLines();
    assertThat(lines).isNotEmpty();
    for (ChartSvg.Segment s : lines) {
      for (double y : new double[] {s.y1(), s.y2()}) {
        assertThat(y)
            .as(s + " in " + List.of(frame[1], frame[3]))
            .isBetween(frame[1] + 2, frame[3] - 2);
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
