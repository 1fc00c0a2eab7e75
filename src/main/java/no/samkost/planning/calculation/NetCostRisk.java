package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A net cost's distribution, stand-alone against pooled, over every simulated year and run and
 * for each year.
 *
 * @param overall over all runs x years
 * @param byYear one per simulated year, in order
 * @param meanFixedCostStandAlone the stand-alone fixed staffing a year, mean over all runs x years
 * @param meanFixedCostPooled the pooled fixed staffing (for a member: its share) a year, likewise
 */
public record NetCostRisk(
        RiskComparison overall,
        List<YearRisk> byYear,
        BigDecimal meanFixedCostStandAlone,
        BigDecimal meanFixedCostPooled) {

    public NetCostRisk {
        byYear = List.copyOf(byYear);
    }
}
