package coopstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import coopstats.SampleWarehouse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** coopstats report on the sample: one page, every chart an SVG with its titles and series. */
class TestReport {
  static final List<String> CHARTS =
      List.of(
          "partner-share-chart",
          "partner-change-chart",
          "tech-ratio-chart",
          "roi-yearly-chart",
          "roi-to-date-chart");
  @TempDir static Path dir;
  static Path index;
  static Document page;

  @BeforeAll
  static void writeReport() throws Exception {
    Path out = dir.resolve("report");
    Cli run =
        Cli.run("report", "--warehouse", SampleWarehouse.get().toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    index = out.resolve("index.html");
    assertThat(run.err()).contains("wrote " + index);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
    }
    // The page is well-formed XML as well as HTML, so a plain XML parser reads its structure.
    page =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(Files.readAllBytes(index)));
  }

  @Test
  void theReportIsSelfContained() throws Exception {
    String html = Files.readString(index, StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe");
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    assertThat(sectionIds())
        .containsExactly("partner-share", "tech-ratio", "program-roi", "quality");
  }

  @Test
  void aMissingWarehouseExits66AndSaysWhatToDo() {
    Cli run =
        Cli.run(
            "report",
            "--warehouse",
            dir.resolve("nowhere").toString(),
            "--out",
            dir.resolve("r2").toString());
    assertThat(run.exitCode()).isEqualTo(66);
    assertThat(run.err()).contains("warehouse not found").contains("bin/coopstats run");
    assertThat(dir.resolve("r2")).doesNotExist();
  }

  @Test
  void everyChartIsAnSvgWithItsTitleAndSeries() {
    assertThat(chartText("partner-share-chart"))
        .contains("Belt and Road partner share of outbound investment", "Belt and Road partners");
    assertThat(chartText("partner-change-chart"))
        .contains(
            "Year-on-year change in outbound investment",
            "Belt and Road partners",
            "All countries");
    assertThat(chartText("tech-ratio-chart"))
        .contains(
            "Technology share of investment and fund flows",
            "Outbound investment",
            "Cooperation funds");
    List<String> programmes =
        csvColumn(
            "SELECT DISTINCT coalesce(program_name, program) AS p"
                + " FROM gold.program_roi_yearly ORDER BY p");
    assertThat(programmes).hasSizeGreaterThanOrEqualTo(3);
    assertThat(chartText("roi-yearly-chart"))
        .contains("ROI per programme and year")
        .containsAll(programmes);
    assertThat(chartText("roi-to-date-chart")).contains("ROI per programme to date");
    // The years on the axis are the gold table's years.
    assertThat(chartText("partner-share-chart"))
        .containsAll(
            csvColumn(
                "SELECT DISTINCT year FROM gold.investment_share_yearly"
                    + " WHERE group_key = 'belt_and_road' ORDER BY year"));
  }

  @Test
  void theQualityTableListsTheLatestRunsQuarantineCounts() {
    List<String> run =
        Cli.csv(
            SampleWarehouse.get(),
            "SELECT run_id FROM ops.runs WHERE status = 'success'"
                + " ORDER BY started_at DESC LIMIT 1");
    assertThat(tableRows("quality-run").get(0)).startsWith(run.get(1));
    List<String> expected =
        Cli.csv(
                SampleWarehouse.get(),
                "SELECT table_name, rule, rows FROM ops.quality WHERE action = 'quarantine'"
                    + " AND rows > 0 AND run_id = '"
                    + run.get(1)
                    + "' ORDER BY rows DESC, table_name, rule")
            .stream()
            .skip(1)
            .toList();
    assertThat(expected).isNotEmpty();
    assertThat(tableRows("quality-rules")).containsExactlyElementsOf(expected);
  }

  /**
   * Headless Chromium loads the page with no console message, keeps every chart's SVG in its DOM,
   * and paints the bars in the palette's first two colours.
   */
  @Test
  void theReportRendersInChromium() throws Exception {
    Path dom = dir.resolve("dom.html");
    String stderr = Chromium.shoot(dir, "report", index, 1000, 4000, dom);
    assertThat(stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")))
        .as("console messages")
        .isEmpty();

    String parsed = Files.readString(dom);
    for (String id : CHARTS) {
      assertThat(parsed).as(id).containsPattern("<svg[^>]* id=\"" + id + "\"[^>]*>\\s*<");
    }
    assertThat(parsed.split("<svg ", -1)).hasSize(CHARTS.size() + 1);

    Path shot = dir.resolve("report.png");
    assertThat(ImageIO.read(shot.toFile()).getWidth()).isEqualTo(1000);
    Map<Integer, Integer> colours = Chromium.colours(shot);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(100);
    // The change chart's two series and the ROI-to-date bars.
    assertThat(colours.getOrDefault(0x0072B2, 0)).as("blue pixels").isGreaterThan(1000);
    assertThat(colours.getOrDefault(0xE69F00, 0)).as("orange pixels").isGreaterThan(1000);
  }

  @Test
  void theLogicalDateIsTheLastPublishedRunsDate() {
    List<String> run =
        Cli.csv(
            SampleWarehouse.get(),
            "SELECT run_id, logical_date, status FROM ops.runs"
                + " WHERE status IN ('success', 'partial', 'noop') ORDER BY started_at DESC LIMIT 1");
    String[] last = run.get(1).split(",");
    assertThat(last[1]).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(byId("p", "logical-date").getTextContent())
        .isEqualTo("Logical date: " + last[1] + " (run " + last[0] + ", " + last[2] + ")");
    assertThat(tableRows("quality-run").get(0)).startsWith(last[0] + "," + last[1] + ",");
  }

  /** Minus signs on the ROI and change axes, whose values go below zero, and on no share axis. */
  @Test
  void negativeTicksOnlyWhereValuesAreNegative() {
    assertThat(new ChartSvg(byId("svg", "roi-yearly-chart")).negativeLabels())
        .contains("\u2212100", "\u221210");
    assertThat(new ChartSvg(byId("svg", "roi-to-date-chart")).negativeLabels())
        .contains("\u2212100", "\u221210");
    assertThat(new ChartSvg(byId("svg", "partner-change-chart")).negativeLabels()).isNotEmpty();
    assertThat(new ChartSvg(byId("svg", "partner-share-chart")).negativeLabels()).isEmpty();
    assertThat(new ChartSvg(byId("svg", "tech-ratio-chart")).negativeLabels()).isEmpty();
  }

  /** The sample has a share of 0 % and a technology share of 100 %: neither lies on the frame. */
  @Test
  void noLineLiesOnTheFrame() {
    for (String id : List.of("partner-share-chart", "tech-ratio-chart", "roi-yearly-chart")) {
      TestCharts.assertOffFrame(new ChartSvg(byId("svg", id)));
    }
  }

  private static List<String> sectionIds() {
    List<String> ids = new ArrayList<>();
    NodeList sections = page.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      ids.add(((Element) sections.item(i)).getAttribute("id"));
    }
    return ids;
  }

  /** The texts of a chart's SVG; fails unless the chart is an SVG that draws shapes. */
  private static List<String> chartText(String id) {
    Element svg = byId("svg", id);
    assertThat(svg.getElementsByTagName("*").getLength()).as(id + " elements").isGreaterThan(50);
    NodeList texts = svg.getElementsByTagName("text");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add(texts.item(i).getTextContent());
    }
    return all;
  }

  /** A table's body rows, each as its cells joined with commas. */
  private static List<String> tableRows(String id) {
    NodeList rows = byId("table", id).getElementsByTagName("tbody").item(0).getChildNodes();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.getLength(); i++) {
      if (rows.item(i) instanceof Element tr) {
        NodeList cells = tr.getElementsByTagName("td");
        List<String> text = new ArrayList<>();
        for (int j = 0; j < cells.getLength(); j++) {
          text.add(cells.item(j).getTextContent());
        }
        out.add(String.join(",", text));
      }
    }
    return out;
  }

  private static Element byId(String tag, String id) {
    NodeList all = page.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      if (((Element) all.item(i)).getAttribute("id").equals(id)) {
        return (Element) all.item(i);
      }
    }
    throw new AssertionError("no <" + tag + " id=\"" + id + "\"> in " + index);
  }

  private static List<String> csvColumn(String query) {
    return Cli.csv(SampleWarehouse.get(), query).stream()
        .skip(1)
        .map(v -> v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\"\"", "\"") : v)
        .toList();
  }
}
