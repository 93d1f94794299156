package coopstats.report;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Draws a JFreeChart into an inline SVG element with Batik, headless; it scales with the page. */
final class Svg {
  static final int WIDTH = 900;
  static final int HEIGHT = 420;
  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

  private Svg() {}

  static String of(String id, JFreeChart chart) {
    System.setProperty("java.awt.headless", "true");
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(newDocument());
    // Several charts share one page: their clip-path ids must not collide.
    context.setIDGenerator(new PrefixedIds(id + "-"));
    context.setComment(null);
    SVGGraphics2D g = new SVGGraphics2D(context, false);
    g.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    Element svg = g.getRoot();
    fixUp(svg, id + "-");
    NodeList all = svg.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      fixUp((Element) all.item(i), id + "-");
    }
    svg.setAttributeNS(XMLNS, "xmlns", SVGGraphics2D.SVG_NAMESPACE_URI);
    svg.setAttributeNS(null, "id", id);
    svg.setAttributeNS(null, "viewBox", "0 0 " + WIDTH + " " + HEIGHT);
    return "<figure>" + serialize(svg) + "</figure>\n";
  }

  /**
   * Batik names a few elements with fixed ids ("genericDefs"), which would repeat on a page of
   * several charts. JFreeChart asks for Tahoma, which Java replaces by its logical family Dialog,
   * and Batik writes that name, which browsers do not know: sans-serif is what Dialog stands for.
   */
  private static void fixUp(Element e, String prefix) {
    String id = e.getAttribute("id");
    if (!id.isEmpty() && !id.startsWith(prefix)) {
      e.setAttributeNS(null, "id", prefix + id);
    }
    if (e.getAttribute("font-family").equals("'Dialog'")) {
      e.setAttributeNS(null, "font-family", "sans-serif");
    }
  }

  /** The element as XML, without a declaration or doctype: it is inlined in the HTML page. */
  private static String serialize(Element svg) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(svg), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write a chart's SVG", e);
    }
  }

  /** Batik's generator needs only a DOM to build into; the JDK's serves, so no Batik DOM jar. */
  private static Document newDocument() {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser is not configured", e);
    }
  }

  /** Batik's ids ("clipPath1", ...) with the chart's prefix. */
  private static final class PrefixedIds extends SVGIDGenerator {
    private final String prefix;

    PrefixedIds(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public String generateID(String kind) {
      return prefix + super.generateID(kind);
    }
  }
}
