package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cost year's key figures from its claim lines: recipients by user group and by housing form,
 * costs (the claim's direct wage costs), grant, net cost (costs - grant), net cost per recipient
 * (mean and median), per inhabitant, and the grant's share of the costs.
 *
 * <p>A grant the rules cannot compute leaves every figure that needs it unknown (null) rather
 * than counting it as nothing. Money is rounded half up to øre; the grant's share to four decimals.
 * The median of an even number of recipients is the mean of the two in the middle. Plain Java.
 */
public final class KeyFigures {

    private KeyFigures() {}

    /**
     * One recipient of the year.
     *
     * @param housingForm "1"-"5", or {@link HousingDemand#UNKNOWN}
     * @param grant null when the rules cannot compute it
     */
    public record Line(String userGroup, String housingForm, BigDecimal costs, BigDecimal grant) {}

    public record Figures(
            int recipients,
            Map<String, Integer> byUserGroup,
            Map<String, Integer> byHousingForm,
            BigDecimal costs,
            int recipientsWithUnknownGrant,
            BigDecimal grant,
            BigDecimal netCost,
            BigDecimal netCostPerRecipientMean,
            BigDecimal netCostPerRecipientMedian,
            BigDecimal netCostPerInhabitant,
            BigDecimal grantShareOfCosts) {}

    /**
     * @param userGroups every user group, in the order to show them (each appears, 0 or more)
     * @param population the year's inhabitants, or null when not known
     */
    public static Figures of(List<Line> lines, List<String> userGroups, Long population) {
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        userGroups.forEach(g -> byGroup.put(g, 0));
        Map<String, Integer> byForm = new LinkedHashMap<>();
        HousingDemand.COLUMNS.forEach(c -> byForm.put(c, 0));
        BigDecimal costs = money(BigDecimal.ZERO);
        BigDecimal grant = money(BigDecimal.ZERO);
        int unknown = 0;
        List<BigDecimal> nets = new ArrayList<>();
        for (Line l : lines) {
            byGroup.merge(l.userGroup(), 1, Integer::sum);
            byForm.merge(l.housingForm(), 1, Integer::sum);
            costs = costs.add(l.costs());
            if (l.grant() == null) {
                unknown++;
            } else {
                grant = grant.add(l.grant());
                nets.add(l.costs().subtract(l.grant()));
            }
        }
        int n = lines.size();
        boolean known = unknown == 0;
        BigDecimal net = known ? money(costs.subtract(grant)) : null;
        BigDecimal mean = known && n > 0 ? net.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP) : null;
        BigDecimal median = known && n > 0 ? median(nets) : null;
        BigDecimal perInhabitant = known && population != null && population > 0
                ? net.divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP)
                : null;
        BigDecimal share = known && costs.signum() > 0 ? grant.divide(costs, 4, RoundingMode.HALF_UP) : null;
        return new Figures(
                n,
                java.util.Collections.unmodifiableMap(byGroup),
                java.util.Collections.unmodifiableMap(byForm),
                money(costs),
                unknown,
                known ? money(grant) : null,
                net,
                mean,
                median,
                perInhabitant,
                share);
    }

    /** The median, to øre; of an even number, the mean of the two in the middle (half up). */
    public static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return money(sorted.get(n / 2));
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
