package no.samkost.planning.calculation;

import java.math.BigDecimal;

/**
 * One of a member's recipients today, as the simulation starts.
 *
 * @param annualDirectWageCost the recipient's own direct wage costs a year (its variable cost), NOK;
 *     the simulation adds its share of the fixed staffing before the grant is computed
 */
public record RiskRecipient(int birthYear, boolean intellectualDisability, BigDecimal annualDirectWageCost) {

    public RiskRecipient {
        Amounts.ore(annualDirectWageCost, "annualDirectWageCost");
    }
}
