package coopstats.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * A rule declared in a table's schema file, as dbt tests and Delta Live Tables expectations are.
 * Exactly one of {@code expect}, {@code acceptedValues}, {@code references} and {@code violations}
 * says what the rule checks:
 *
 * @param name the rule's name, as {@code silver.quarantine.rule} and {@code ops.quality} show it
 * @param column the column the rule is about; its value fills {@code {value}} in the reason
 * @param expect a Spark SQL condition each row must meet; a row where it is null passes
 * @param acceptedValues the values the column may take; null passes
 * @param references {@code ref.<table>.<column>}: the column's value must be one of that column's
 * @param violations a Spark SQL query over the view {@code rows} (the table's new rows) that
 *     returns the rows that break a rule across rows; gold tables only
 * @param action warn (keep and count), quarantine (move the row to silver.quarantine) or fail
 *     (publish nothing, exit 65)
 * @param reason what is wrong and what to do, for people; {@code {value}} is the column's value
 * @param exceptNetFlows for a silver rule, true when rows of a source whose profile says {@code
 *     net_flows: true} never break it (a negative amount is valid in net flows)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleSpec(
    String name,
    String column,
    String expect,
    List<String> acceptedValues,
    String references,
    String violations,
    String action,
    String reason,
    Boolean exceptNetFlows)
    implements java.io.Serializable {

  /** What a broken rule does. */
  public enum Action {
    WARN,
    QUARANTINE,
    FAIL
  }

  /** True when the rule does not apply to the rows of net-flow sources. */
  public boolean isExceptNetFlows() {
    return Boolean.TRUE.equals(exceptNetFlows);
  }

  public Action actionOrDefault() {
    return action == null ? Action.QUARANTINE : Action.valueOf(action.toUpperCase(Locale.ROOT));
  }

  /** Checks that the rule says one thing to check, with what it needs; returns the problem. */
  public String problem() {
    int kinds =
        (expect != null ? 1 : 0)
            + (acceptedValues != null ? 1 : 0)
            + (references != null ? 1 : 0)
            + (violations != null ? 1 : 0);
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      return "a rule needs a name in lower_snake_case";
    }
    if (kinds != 1) {
      return "rule "
          + name
          + " must give exactly one of expect, accepted_values, references, violations";
    }
    if ((acceptedValues != null || references != null) && column == null) {
      return "rule " + name + " needs the column it checks";
    }
    if (references != null && !references.matches("ref\\.[a-z_]+\\.[a-z_0-9]+")) {
      return "rule " + name + ": references must read ref.<table>.<column>";
    }
    if (reason == null || reason.isBlank()) {
      return "rule " + name + " needs a reason that says what to do";
    }
    try {
      actionOrDefault();
    } catch (IllegalArgumentException e) {
      return "rule " + name + ": action must be warn, quarantine or fail, not '" + action + "'";
    }
    return null;
  }
}
