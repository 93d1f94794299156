package coopstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's logical date line, and the symmetric log scale's arithmetic. */
class TestPage {
  @Test
  void aWarehouseNoRunHasPublishedSaysSoInsteadOfABlankDate() {
    assertThat(Page.render("w", null, List.of()))
        .contains(
            "<p class=\"note\" id=\"logical-date\">Logical date: none yet; no run has published"
                + " the tables (run coopstats run).</p>");
  }

  @Test
  void symlogIsLinearNearZeroLogarithmicBeyondAndSymmetric() {
    assertThat(SymlogAxis.symlog(0)).isZero();
    assertThat(SymlogAxis.symlog(9)).isEqualTo(1.0);
    assertThat(SymlogAxis.symlog(-99)).isEqualTo(-2.0);
    for (double v : new double[] {-100, -95, -2, -0.5, 0.5, 2, 30, 6000}) {
      assertThat(SymlogAxis.inverse(SymlogAxis.symlog(v))).isCloseTo(v, within(1e-9));
      assertThat(SymlogAxis.symlog(-v)).isEqualTo(-SymlogAxis.symlog(v));
    }
  }
}
