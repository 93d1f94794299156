package coopstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What a chart's SVG draws, as a reader sees it: the plot frame, the lines and the texts. */
record ChartSvg(Element svg) {
  /** A straight line and the colour it is stroked with (its own or its group's). */
  record Segment(double x1, double y1, double x2, double y2, Color stroke) {}

  /** The plot frame: the last unfilled rectangle JFreeChart draws, the plot's outline. */
  double[] frame() {
    NodeList rects = svg.getElementsByTagName("rect");
    for (int i = rects.getLength() - 1; i >= 0; i--) {
      Element r = (Element) rects.item(i);
      if (r.getAttribute("fill").equals("none")) {
        return new double[] {
          num(r, "x"), num(r, "y"), num(r, "x") + num(r, "width"), num(r, "y") + num(r, "height")
        };
      }
    }
    throw new AssertionError("no plot frame in " + svg.getAttribute("id"));
  }

  /** The lines stroked in one of {@link Palette#COLOURS} inside the frame: the series' lines. */
  List<Segment> seriesLines() {
    double[] f = frame();
    List<Segment> out = new ArrayList<>();
    NodeList lines = svg.getElementsByTagName("line");
    for (int i = 0; i < lines.getLength(); i++) {
      Element l = (Element) lines.item(i);
      Segment s = new Segment(num(l, "x1"), num(l, "y1"), num(l, "x2"), num(l, "y2"), stroke(l));
      boolean inside =
          Math.min(s.x1, s.x2) >= f[0]
              && Math.max(s.x1, s.x2) <= f[2]
              && Math.min(s.y1, s.y2) >= f[1]
              && Math.max(s.y1, s.y2) <= f[3];
      if (inside && Palette.COLOURS.contains(s.stroke)) {
        out.add(s);
      }
    }
    return out;
  }

  List<String> texts() {
    NodeList texts = svg.getElementsByTagName("text");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add(texts.item(i).getTextContent().strip());
    }
    return all;
  }

  /** The texts that are numbers below zero, written with a minus sign (U+2212 or a hyphen). */
  List<String> negativeLabels() {
    return texts().stream().filter(t -> t.matches("[\u2212-][0-9][0-9,.]*")).toList();
  }

  private static final Pattern RGB = Pattern.compile("rgb\\((\\d+),(\\d+),(\\d+)\\)");
  private static final Map<String, Color> NAMED =
      Map.of("black", Color.BLACK, "white", Color.WHITE, "gray", Color.GRAY);

  private static Color stroke(Element e) {
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      String s = el.getAttribute("stroke");
      if (!s.isEmpty()) {
        Matcher m = RGB.matcher(s);
        if (m.matches()) {
          return new Color(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
        }
        assertThat(NAMED).as("stroke " + s).containsKey(s);
        return NAMED.get(s);
      }
    }
    return Color.BLACK;
  }

  private static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }
}
