package no.samkost.cooperation.persistence;

import java.math.BigDecimal;

/**
 * A home's recipient placed in the cooperation's services, as the home's claim sees it for a cost
 * year: its yearly totals and its JOINT_SERVICE lines from those placements. No ref, no id: it is
 * read to be added up.
 */
public record PlacedRecipientRow(
        int birthYear,
        boolean intellectualDisability,
        BigDecimal directWageCosts,
        BigDecimal earmarkedGrants,
        BigDecimal hostMunicipalityGrant,
        BigDecimal userPayments,
        BigDecimal attributed) {}
