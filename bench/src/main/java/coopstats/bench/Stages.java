package coopstats.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The select lists of typed_kind's query, filled stage by stage so that each lookup key, join and
 * amount is computed once, however many silver columns read it.
 */
final class Stages {
  /** Stage a: cleaned amounts and lookup keys, from the landing text. */
  final List<String> keys = new ArrayList<>();

  /** Stage m: each amount split into its number and unit word. */
  final List<String> splits = new ArrayList<>();

  /** Stage b: the looked-up values and the amounts' numbers and errors. */
  final List<String> lookups = new ArrayList<>();

  /** Stage b's joins with the reference tables. */
  final List<String> joins = new ArrayList<>();

  /** Stage d: each USD column in cents. */
  final List<String> cents = new ArrayList<>();

  void add(LookupSql lookup) {
    keys.addAll(lookup.keys());
    joins.addAll(lookup.joins());
    if (lookup.value() != null) {
      lookups.add(lookup.value());
    }
  }
}
