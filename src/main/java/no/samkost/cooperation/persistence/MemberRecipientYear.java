package no.samkost.cooperation.persistence;

import java.math.BigDecimal;

/**
 * One recipient's cost year in its home's claim, as a cooperation's planning views add it up: its
 * user group, its housing form on 31 December ({@code null} when not recorded) and the claim's
 * figures; {@code placed} when the pooled figures of the year count it. No ref, no id: it is read
 * to be added up inside the member's computation.
 */
public record MemberRecipientYear(
        int costYear,
        String userGroup,
        String housingForm,
        int birthYear,
        boolean intellectualDisability,
        BigDecimal directWageCosts,
        BigDecimal earmarkedGrants,
        BigDecimal hostMunicipalityGrant,
        BigDecimal userPayments,
        boolean placed) {}
