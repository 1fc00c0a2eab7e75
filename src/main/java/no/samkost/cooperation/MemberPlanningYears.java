package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samkost.cooperation.calculation.CountBreakdowns;
import no.samkost.cooperation.calculation.SmallNumbers;
import no.samkost.cooperation.persistence.MemberRecipientYear;
import no.samkost.cooperation.persistence.PlanningRows;
import no.samkost.planning.calculation.HousingDemand;
import no.samkost.planning.calculation.KeyFigures;
import no.samkost.recipients.UserGroup;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Municipality;

/**
 * What the cooperation's planning views (key figures, sensitivity) rest on, in named steps: each
 * member's recipient-years read in its own rows, each member's year computed into key figures, and
 * what of them the caller may not see. Both views take the hidden set from here, so the sensitivity
 * hides exactly what the key figures of the same year hide (a total in one less a row shown in the
 * other would otherwise give a hidden row back).
 */
@ApplicationScoped
class MemberPlanningYears {

    static final List<String> USER_GROUPS =
            Arrays.stream(UserGroup.values()).map(Enum::name).toList();

    /** The count breakdowns inside a row, each hidden whole by {@link CountBreakdowns}. */
    static final List<String> BREAKDOWNS = List.of("byUserGroup", "byHousingForm", "recipientsWithUnknownGrant");

    private final Cooperations cooperations;
    private final PlanningRows rows;
    private final MemberAudit memberAudit;

    MemberPlanningYears(Cooperations cooperations, PlanningRows rows, MemberAudit memberAudit) {
        this.cooperations = cooperations;
        this.rows = rows;
        this.memberAudit = memberAudit;
    }

    /** One member's year: its recipients as key-figure lines (no ref), and their figures. */
    record Member(
            Municipality municipality, Long population, List<KeyFigures.Line> lines, KeyFigures.Figures figures) {}

    /** A cost year of every member, in code order, the pooled figures, and what the caller may not see. */
    record Year(
            int costYear,
            Optional<GrantRules> rules,
            List<Member> members,
            Long population,
            KeyFigures.Figures totals,
            SmallNumbers.Hidden rows,
            Map<String, CountBreakdowns.Hidden> counts) {}

    /**
     * Every member's recipient-years from {@code from} to {@code to}, read in its own rows; another
     * member's goes into its audit trail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Municipality, List<MemberRecipientYear>> read(Cooperation c, int from, int to, String view) {
        Map<Municipality, List<MemberRecipientYear>> byMember = new LinkedHashMap<>();
        c.members().stream()
                .map(cooperations::municipality)
                .sorted(Comparator.comparing(Municipality::code))
                .forEach(m -> byMember.put(m, rows.recipientYears(c, m.id(), from, to)));
        byMember.forEach((m, lines) -> {
            if (!lines.isEmpty() && !m.id().equals(cooperations.caller().id())) {
                memberAudit.record(
                        c,
                        m.id(),
                        "cooperation.planning.read",
                        view + ": claim figures of " + lines.size() + " recipient-years, aggregated for cooperation "
                                + c.id() + " cost years " + from + "-" + to + " at the request of "
                                + cooperations.caller().code());
            }
        });
        return byMember;
    }

    /** One cost year: each member's key figures, the pooled ones, and the hidden set for the caller. */
    Year year(
            Cooperation c,
            int costYear,
            Optional<GrantRules> yearRules,
            Map<Municipality, List<MemberRecipientYear>> byMember) {
        String viewer = cooperations.caller().code();
        int k = cooperations.agreement(c).minimumCellSize();
        List<Member> members = new ArrayList<>();
        List<KeyFigures.Line> all = new ArrayList<>();
        for (Map.Entry<Municipality, List<MemberRecipientYear>> member : byMember.entrySet()) {
            List<KeyFigures.Line> lines = member.getValue().stream()
                    .filter(r -> r.costYear() == costYear)
                    .map(r -> line(r, yearRules))
                    .toList();
            all.addAll(lines);
            Long population = member.getKey().populationIn(costYear).orElse(null);
            members.add(new Member(member.getKey(), population, lines, KeyFigures.of(lines, USER_GROUPS, population)));
        }
        Long population = members.stream().anyMatch(m -> m.population() == null)
                ? null
                : members.stream().mapToLong(Member::population).sum();
        SmallNumbers.Hidden hiddenRows = SmallNumbers.hide(
                viewer,
                k,
                members.stream()
                        .map(m -> new SmallNumbers.Member(
                                m.municipality().code(), m.figures().recipients()))
                        .toList(),
                false);
        Map<String, CountBreakdowns.Hidden> counts = new LinkedHashMap<>();
        for (String breakdown : BREAKDOWNS) {
            Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();
            members.forEach(m -> cells.put(m.municipality().code(), cells(breakdown, m.figures())));
            counts.put(breakdown, CountBreakdowns.hide(viewer, k, cells, hiddenRows));
        }
        return new Year(
                costYear,
                yearRules,
                members,
                population,
                KeyFigures.of(all, USER_GROUPS, population),
                hiddenRows,
                counts);
    }

    /** The claim's grant for a recipient-year; null when there are no rules or they cannot compute it. */
    private static KeyFigures.Line line(MemberRecipientYear r, Optional<GrantRules> yearRules) {
        BigDecimal grant = yearRules
                .map(rules -> GrantCalculator.calculate(
                                rules,
                                new RecipientYear(
                                        "member", // the ref stays home; the calculation only carries it
                                        r.birthYear(),
                                        r.intellectualDisability(),
                                        r.directWageCosts(),
                                        r.earmarkedGrants(),
                                        r.hostMunicipalityGrant(),
                                        r.userPayments()))
                        .grant())
                .orElse(null);
        return new KeyFigures.Line(
                r.userGroup(),
                r.housingForm() == null ? HousingDemand.UNKNOWN : r.housingForm(),
                r.directWageCosts(),
                grant);
    }

    private static Map<String, Integer> cells(String breakdown, KeyFigures.Figures f) {
        return switch (breakdown) {
            case "byUserGroup" -> f.byUserGroup();
            case "byHousingForm" -> f.byHousingForm();
            default -> Map.of(
                    "known",
                    f.recipients() - f.recipientsWithUnknownGrant(),
                    "unknown",
                    f.recipientsWithUnknownGrant());
        };
    }

    /** One reason for every hidden cell of a kind: which hidden rows are small and which protect them stays untold. */
    static String reason(String code, boolean whole, int k) {
        if (!whole) {
            return "a count in it is below " + k + " recipients, or would let one be worked out from the totals";
        }
        return code == null
                ? "the hidden members' figures together rest on fewer than " + k
                        + " recipients: this total less the figures shown would reveal them"
                : "rests on fewer than " + k + " recipients, or would let such a figure be worked out from the totals";
    }
}
