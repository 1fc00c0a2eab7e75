package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientYear;

/**
 * A municipality's net cost (costs - grant) with k more or fewer recipients of a group, each at
 * one annual cost (the group's median, or one given). The grant is per recipient (each has its own
 * threshold), so every recipient added or removed changes the costs by the annual cost and the grant
 * by that cost's grant: the effect is linear in k, and above the threshold the state carries the
 * rate (80 %) of each krone. Removing recipients at the group's median can take off more than
 * there is (the ones removed may have cost less, and earned less grant, than the median): the costs
 * and the grant of a step stop at zero, since neither can be negative. Plain Java; the grant of the
 * annual cost is the caller's (the real calculator's).
 */
public final class Sensitivity {

    private Sensitivity() {}

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    /** The age of a recipient added or removed: well within the age limit. */
    public static final int AGE = 30;

    /**
     * The grant of one recipient added or removed whose direct wage costs are {@code costs}: one of
     * {@link #AGE} without an intellectual disability or other deductions, by the real calculator.
     *
     * @return null when the rules cannot compute it
     */
    public static BigDecimal grantOf(GrantRules rules, BigDecimal costs) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return GrantCalculator.calculate(
                        rules, new RecipientYear("sensitivity", rules.costYear() - AGE, false, costs, zero, zero, zero))
                .grant();
    }

    /** Where the year stands: the whole municipality's figures, and the group's recipients. */
    public record Base(int recipients, int groupRecipients, BigDecimal costs, BigDecimal grant) {}

    /** One step: k recipients more (negative: fewer) than today. */
    public record Step(int change, int recipients, BigDecimal costs, BigDecimal grant, BigDecimal netCost) {}

    /**
     * @param annualCost the cost of each recipient added or removed
     * @param annualGrant the grant that cost gives (under the year's rules)
     * @param from at least {@code -base.groupRecipients()}
     */
    public static List<Step> steps(Base base, BigDecimal annualCost, BigDecimal annualGrant, int from, int to) {
        Objects.requireNonNull(annualCost, "annualCost");
        Objects.requireNonNull(annualGrant, "annualGrant");
        if (from > to || from < -base.groupRecipients()) {
            throw new IllegalArgumentException(
                    "from " + from + " to " + to + " with " + base.groupRecipients() + " recipients in the group");
        }
        List<Step> steps = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            BigDecimal n = BigDecimal.valueOf(k);
            BigDecimal costs = base.costs().add(annualCost.multiply(n)).max(ZERO);
            BigDecimal grant = base.grant().add(annualGrant.multiply(n)).max(ZERO);
            steps.add(new Step(k, base.recipients() + k, costs, grant, costs.subtract(grant)));
        }
        return List.copyOf(steps);
    }

    /**
     * The steps of recipients added to a service elsewhere (a joint service's place): only k from
     * {@code max(from, 0)} to {@code to}, since a recipient fewer is one of today's, leaving its own
     * service at its own cost ({@link #steps}); empty when {@code to} is below 0.
     */
    public static List<Step> addedSteps(Base base, BigDecimal cost, BigDecimal grant, int from, int to) {
        int first = Math.max(from, 0);
        return first > to ? List.of() : steps(base, cost, grant, first, to);
    }
}
