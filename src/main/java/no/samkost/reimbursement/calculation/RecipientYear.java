package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One recipient's figures for one cost year, as the ledger sums them.
 *
 * @param directWageCosts direct wage costs (direkte lønnsutgifter): own staff in direct contact, the
 *     wage share of purchased services and the attributed share of joint services
 * @param earmarkedGrants other earmarked state grants for the recipient (andre øremerkede tilskudd)
 * @param hostMunicipalityGrant host-municipality grant for the recipient (vertskommunetilskudd)
 * @param userPayments the recipient's own payments (brukerbetaling)
 */
public record RecipientYear(
        String ref,
        int birthYear,
        boolean intellectualDisability,
        BigDecimal directWageCosts,
        BigDecimal earmarkedGrants,
        BigDecimal hostMunicipalityGrant,
        BigDecimal userPayments) {

    public RecipientYear {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(directWageCosts, "directWageCosts");
        Objects.requireNonNull(earmarkedGrants, "earmarkedGrants");
        Objects.requireNonNull(hostMunicipalityGrant, "hostMunicipalityGrant");
        Objects.requireNonNull(userPayments, "userPayments");
    }
}
