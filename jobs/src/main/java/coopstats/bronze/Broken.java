package coopstats.bronze;

/** What is wrong with a delivered record: the rule it breaks and the reason, for people. */
record Broken(BronzeRule rule, String reason) {
  static Broken malformed(String reason) {
    return new Broken(BronzeRule.MALFORMED_RECORD, reason);
  }
}
