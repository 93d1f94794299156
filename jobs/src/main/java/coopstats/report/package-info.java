/**
 * The static HTML report ({@code coopstats report}): one {@code index.html} with the gold
 * statistics drawn as inline SVG charts (JFreeChart drawn through Batik's SVG generator) and the
 * latest run's data quality, readable offline in any browser, without JavaScript. One class per
 * section.
 */
package coopstats.report;
