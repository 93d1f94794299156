package coopstats.silver;

/** A row that cannot be made valid: the rule it broke and a reason a person can act on. */
final class RowRejected extends RuntimeException {
  private final String rule;

  RowRejected(String rule, String reason) {
    super(reason, null, false, false);
    this.rule = rule;
  }

  String rule() {
    return rule;
  }

  String reason() {
    return getMessage();
  }
}
