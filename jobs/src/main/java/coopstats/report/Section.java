package coopstats.report;

/** One part of the report: an anchor id, a heading and its HTML body (text, SVG, tables). */
record Section(String id, String title, String html) {}
