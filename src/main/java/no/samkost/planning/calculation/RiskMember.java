package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One member of the cooperation, as the simulation sees it.
 *
 * @param id the municipality code; orders the members and breaks ties in the pooled split
 * @param arrivalRate new high-cost recipients a year, the rate of a Poisson process (0 to 500); the
 *     caller derives it from the member's history and needs register
 * @param exitProbability the chance that a recipient leaves in a year, other than by the age limit
 *     (0 to 1)
 * @param recipients today's recipients, in the order that breaks ties in splitting the fixed cost
 * @param annualCosts the member's empirical distribution of annual direct wage costs per recipient
 *     (NOK): a new recipient's cost is one of them, drawn uniformly; may be empty only when {@code
 *     arrivalRate} is 0
 * @param intellectualDisabilityProbability the chance that a new recipient has an intellectual
 *     disability; null for the share among today's recipients (then there must be some, if any
 *     arrive)
 * @param standAlone the member's own staffing when it runs its service alone
 */
public record RiskMember(
        String id,
        BigDecimal arrivalRate,
        BigDecimal exitProbability,
        List<RiskRecipient> recipients,
        List<BigDecimal> annualCosts,
        BigDecimal intellectualDisabilityProbability,
        Staffing standAlone) {

    public static final int MAX_RECIPIENTS = 100_000;

    public RiskMember {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a member needs an id (its municipality code)");
        }
        Objects.requireNonNull(arrivalRate, "arrivalRate");
        Objects.requireNonNull(exitProbability, "exitProbability");
        Objects.requireNonNull(standAlone, "standAlone");
        recipients = List.copyOf(recipients);
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException(
                    "member " + id + ": at most " + MAX_RECIPIENTS + " recipients today, not " + recipients.size());
        }
        annualCosts = List.copyOf(annualCosts);
        Draws.poissonTable(arrivalRate); // validates the rate
        Draws.threshold(exitProbability); // validates the probability
        if (intellectualDisabilityProbability != null) {
            Draws.threshold(intellectualDisabilityProbability);
        }
        for (BigDecimal cost : annualCosts) {
            Amounts.ore(cost, "an annual cost of member " + id);
        }
        if (arrivalRate.signum() > 0 && annualCosts.isEmpty()) {
            throw new IllegalArgumentException(
                    "member " + id + " has arrivals but no annual costs to draw their costs from");
        }
        if (arrivalRate.signum() > 0 && intellectualDisabilityProbability == null && recipients.isEmpty()) {
            throw new IllegalArgumentException("member " + id
                    + " has arrivals and no recipients today: give the intellectual disability probability");
        }
    }

    /** The chance that a new recipient has an intellectual disability, in units of 2^-53. */
    long intellectualDisabilityThreshold() {
        if (intellectualDisabilityProbability != null) {
            return Draws.threshold(intellectualDisabilityProbability);
        }
        if (recipients.isEmpty()) {
            return 0;
        }
        long withDisability = recipients.stream()
                .filter(RiskRecipient::intellectualDisability)
                .count();
        // round(share x 2^53), half up, exactly
        return BigDecimal.valueOf(withDisability)
                .multiply(BigDecimal.valueOf(Draws.ONE))
                .divide(BigDecimal.valueOf(recipients.size()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
