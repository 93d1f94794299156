package coopstats.report;

/** The tables the report reads, as layer and name. */
final class Needed {
  static final String[][] TABLES = {
    {"gold", "investment_share_yearly"},
    {"gold", "tech_investment_ratio_yearly"},
    {"gold", "program_roi_yearly"},
    {"ops", "runs"},
    {"ops", "quality"}
  };

  private Needed() {}
}
