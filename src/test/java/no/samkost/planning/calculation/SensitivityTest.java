package no.samkost.planning.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps of a sensitivity, worked by hand. */
class SensitivityTest {

    /**
     * A municipality of 3 recipients, all in the group: costs 4 000 000, grant 300 000. The median
     * costs 2 000 000 and earns 480 000 (above a 1 400 000 threshold at 80 %).
     *
     * <pre>
     * k = +1: 6 000 000 / 780 000 / 5 220 000
     * k = -1: 2 000 000 / 300 000 - 480 000 = -180 000: no grant below zero, 0 / net 2 000 000
     * k = -3: 4 000 000 - 6 000 000 = -2 000 000: no costs below zero either, 0 / 0 / 0
     * </pre>
     */
    @Test
    void removingRecipientsAtTheMedianStopsAtZero() {
        Sensitivity.Base base = new Sensitivity.Base(3, 3, new BigDecimal("4000000.00"), new BigDecimal("300000.00"));
        List<Sensitivity.Step> steps =
                Sensitivity.steps(base, new BigDecimal("2000000.00"), new BigDecimal("480000.00"), -3, 1);
        assertThat(steps.get(4))
                .isEqualTo(new Sensitivity.Step(
                        1, 4, new BigDecimal("6000000.00"), new BigDecimal("780000.00"), new BigDecimal("5220000.00")));
        assertThat(steps.get(2))
                .isEqualTo(new Sensitivity.Step(
                        -1, 2, new BigDecimal("2000000.00"), new BigDecimal("0.00"), new BigDecimal("2000000.00")));
        assertThat(steps.get(0))
                .isEqualTo(new Sensitivity.Step(
                        -3, 0, new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")));
    }
}
