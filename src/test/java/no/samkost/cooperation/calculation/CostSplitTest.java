package no.samkost.cooperation.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostSplitTest {

    static MemberMeasures member(String code, long placementDays) {
        return new MemberMeasures(code, 10_000, 1, placementDays, BigDecimal.ZERO);
    }

    @Test
    void equalSharesGiveTheLeftoverOreToTheLowestCodes() {
        CostSplit.Result result = CostSplit.split(
                new BigDecimal("100.00"),
                SplitKey.of(SplitMeasure.EQUAL),
                List.of(member("0716", 0), member("0702", 0), member("0714", 0)));
        // 100.00 / 3 = 33.333...: every remainder equal, so the one øre left goes to 0702.
        assertThat(result.shares())
                .containsExactly(
                        new CostSplit.MemberShare("0702", new BigDecimal("33.34")),
                        new CostSplit.MemberShare("0714", new BigDecimal("33.33")),
                        new CostSplit.MemberShare("0716", new BigDecimal("33.33")));
    }

    @Test
    void aTwentyEightyMixOfEqualAndPlacementDays() {
        // 1 000 000.00 shared; placement-days 0702: 365, 0714: 0, 0716: 730 (1 095 in all).
        //   equal part 200 000.00 -> 66 666.666... each
        //   days part  800 000.00 -> 0702 266 666.666..., 0714 0, 0716 533 333.333...
        //   exact: 0702 333 333.333..., 0714 66 666.666..., 0716 600 000.000...
        //   whole øre: 333 333.33 + 66 666.66 + 600 000.00 = 999 999.99; the last øre goes to the
        //   largest remainder, 0714 (.666... > .333... > 0).
        SplitKey key = new SplitKey(
                Map.of(SplitMeasure.EQUAL, new BigDecimal("0.2"), SplitMeasure.PLACEMENT_DAYS, new BigDecimal("0.8")));
        CostSplit.Result result = CostSplit.split(
                new BigDecimal("1000000.00"),
                key,
                List.of(member("0702", 365), member("0714", 0), member("0716", 730)));
        assertThat(result.shares())
                .containsExactly(
                        new CostSplit.MemberShare("0702", new BigDecimal("333333.33")),
                        new CostSplit.MemberShare("0714", new BigDecimal("66666.67")),
                        new CostSplit.MemberShare("0716", new BigDecimal("600000.00")));
        assertThat(result.measuresWithoutBasis()).isEmpty();
    }

    @Test
    void aMeasureNobodyHasIsSharedEquallyAndSaysSo() {
        CostSplit.Result result = CostSplit.split(
                new BigDecimal("90.00"),
                SplitKey.of(SplitMeasure.PLACEMENT_DAYS),
                List.of(member("0702", 0), member("0714", 0), member("0716", 0)));
        assertThat(result.shares()).extracting(CostSplit.MemberShare::share).containsOnly(new BigDecimal("30.00"));
        assertThat(result.measuresWithoutBasis()).containsExactly(SplitMeasure.PLACEMENT_DAYS);
    }

    @Test
    void weightsMustAddUpToOne() {
        assertThatThrownBy(() -> new SplitKey(Map.of(
                        SplitMeasure.EQUAL, new BigDecimal("0.2"), SplitMeasure.PLACEMENTS, new BigDecimal("0.7"))))
                .hasMessageContaining("add up to 0.9");
        assertThatThrownBy(() -> new SplitKey(Map.of(SplitMeasure.EQUAL, BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributionFollowsUsageTimesDaysFromAMidMonthStart() {
        // March 2023, 310 000.00 of direct wages. A: whole month (31 days), 20 h/week -> weight 620.
        // B: from 16 March (16 days), 30 h/week -> weight 480. 1 100 in all.
        //   A: 310 000 x 620 / 1 100 = 174 727.2727...  -> 174 727.27
        //   B: 310 000 x 480 / 1 100 = 135 272.7272...  -> 135 272.72, plus the last øre (.72... > .27...)
        Attribution.Month march = Attribution.attribute(
                YearMonth.of(2023, 3),
                new BigDecimal("310000.00"),
                List.of(
                        new PlacementPeriod("A", LocalDate.of(2023, 1, 1), null, new BigDecimal("20")),
                        new PlacementPeriod("B", LocalDate.of(2023, 3, 16), null, new BigDecimal("30")),
                        new PlacementPeriod("C", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 28), BigDecimal.TEN)));
        assertThat(march.parts())
                .extracting(Attribution.Part::placementId, Attribution.Part::days, Attribution.Part::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", 31L, new BigDecimal("174727.27")),
                        org.assertj.core.groups.Tuple.tuple("B", 16L, new BigDecimal("135272.73")));
        assertThat(march.unattributed()).isEqualByComparingTo("0");
    }

    @Test
    void aMonthWithoutPlacementsStaysUnattributed() {
        Attribution.Month month = Attribution.attribute(YearMonth.of(2023, 7), new BigDecimal("5000"), List.of());
        assertThat(month.parts()).isEmpty();
        assertThat(month.unattributed()).isEqualByComparingTo("5000.00");
    }

    @Test
    void apportionmentOfANegativeCorrectionMirrorsThePositive() {
        assertThat(Apportionment.apportion(
                        new BigDecimal("-100.00"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)))
                .containsExactly(new BigDecimal("-33.34"), new BigDecimal("-33.33"), new BigDecimal("-33.33"));
    }
}
