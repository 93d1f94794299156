package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class TestValues {
  @Test
  void arraysAndMapsPrintAsJsonAndDecimalsInPlainNotation() {
    assertThat(Values.text(CollectionConverters.asScala(List.of("silver.fund", "gold.x")).toSeq()))
        .isEqualTo("[\"silver.fund\",\"gold.x\"]");
    assertThat(Values.text(CollectionConverters.asScala(Map.of("bronze.cgit", 3L))))
        .isEqualTo("{\"bronze.cgit\":3}");
    assertThat(Values.text(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Values.text(7)).isEqualTo("7");
  }
}
