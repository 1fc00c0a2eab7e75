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
import java.util.Set;
import java.util.UUID;
import no.samkost.cooperation.calculation.CountBreakdowns;
import no.samkost.cooperation.calculation.CrossViewHiding;
import no.samkost.cooperation.calculation.SmallNumbers;
import no.samkost.cooperation.persistence.JointServiceRows;
import no.samkost.cooperation.persistence.MemberRecipientYear;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.PlanningRows;
import no.samkost.cooperation.persistence.ServiceRow;
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
    private final JointServiceRows services;
    private final PlacementRows placements;
    private final OpenYears openYears;

    MemberPlanningYears(
            Cooperations cooperations,
            PlanningRows rows,
            MemberAudit memberAudit,
            JointServiceRows services,
            PlacementRows placements,
            OpenYears openYears) {
        this.cooperations = cooperations;
        this.rows = rows;
        this.memberAudit = memberAudit;
        this.services = services;
        this.placements = placements;
        this.openYears = openYears;
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
            Map<String, CountBreakdowns.Hidden> counts,
            Set<String> openYears) {}

    /**
     * What the years are computed from: each member's recipient-years (each marked placed when the
     * pooled figures count it), and how many recipients the pooled figures count for each member
     * and year.
     */
    record Read(
            Map<Municipality, List<MemberRecipientYear>> recipientYears,
            Map<Municipality, Map<Integer, Integer>> pooledPlaced,
            Map<Integer, Set<String>> openYears) {}

    /**
     * Every member's recipient-years from {@code from} to {@code to}, read in its own rows; another
     * member's goes into its audit trail. The cooperation's confirmed placements come from the
     * host's rows, as the pooled figures take them, so that what the two views count can be told
     * apart ({@link CrossViewHiding}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Read read(Cooperation c, int from, int to, String view) {
        List<HomePlacementYear> placements = placementYears(c, from, to);
        Map<Municipality, List<MemberRecipientYear>> byMember = new LinkedHashMap<>();
        Map<Municipality, Map<Integer, Integer>> pooledPlaced = new LinkedHashMap<>();
        c.members().stream()
                .map(cooperations::municipality)
                .sorted(Comparator.comparing(Municipality::code))
                .forEach(m -> {
                    List<PlanningRows.PlacementYear> own = placements.stream()
                            .filter(p -> p.homeId().equals(m.id()))
                            .map(p -> new PlanningRows.PlacementYear(p.id(), p.year()))
                            .toList();
                    byMember.put(m, rows.recipientYears(c, m.id(), from, to, own));
                    pooledPlaced.put(m, rows.placedRecipients(c, m.id(), own));
                });
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
        return new Read(byMember, pooledPlaced, openYears.of(c, from, to));
    }

    /** A confirmed placement, its home, and a cost year it has days in. */
    private record HomePlacementYear(UUID id, String homeId, int year) {}

    /** The cooperation's confirmed placements by the cost years they touch, from the host's rows. */
    private List<HomePlacementYear> placementYears(Cooperation c, int from, int to) {
        List<UUID> serviceIds =
                services.all(c, c.host()).stream().map(ServiceRow::id).toList();
        List<HomePlacementYear> years = new ArrayList<>();
        for (PlacementSlot slot : placements.slotsAsHost(c, c.host(), serviceIds)) {
            for (int year = from; year <= to; year++) {
                if (PooledComputation.CostYear.of(year).daysOf(slot) > 0) {
                    years.add(new HomePlacementYear(slot.id(), slot.homeId(), year));
                }
            }
        }
        return years;
    }

    /** One cost year: each member's key figures, the pooled ones, and the hidden set for the caller. */
    Year year(Cooperation c, int costYear, Optional<GrantRules> yearRules, Read read) {
        String viewer = cooperations.caller().code();
        int k = cooperations.agreement(c).minimumCellSize();
        List<Member> members = new ArrayList<>();
        List<KeyFigures.Line> all = new ArrayList<>();
        List<CrossViewHiding.Member> counted = new ArrayList<>();
        List<SmallNumbers.Member> pooledCounts = new ArrayList<>();
        for (Map.Entry<Municipality, List<MemberRecipientYear>> member :
                read.recipientYears().entrySet()) {
            List<MemberRecipientYear> inYear = member.getValue().stream()
                    .filter(r -> r.costYear() == costYear)
                    .toList();
            List<KeyFigures.Line> lines =
                    inYear.stream().map(r -> line(r, yearRules)).toList();
            String code = member.getKey().code();
            counted.add(new CrossViewHiding.Member(code, lines.size(), (int)
                    inYear.stream().filter(r -> !r.placed()).count()));
            pooledCounts.add(new SmallNumbers.Member(
                    code, read.pooledPlaced().get(member.getKey()).getOrDefault(costYear, 0)));
            all.addAll(lines);
            Long population = member.getKey().populationIn(costYear).orElse(null);
            members.add(new Member(member.getKey(), population, lines, KeyFigures.of(lines, USER_GROUPS, population)));
        }
        Long population = members.stream().anyMatch(m -> m.population() == null)
                ? null
                : members.stream().mapToLong(Member::population).sum();
        SmallNumbers.Hidden hiddenRows =
                CrossViewHiding.keyFigures(viewer, k, counted, SmallNumbers.hide(viewer, k, pooledCounts, false));
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
                counts,
                read.openYears().get(costYear));
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

    /**
     * Whether a member's ({@code code} null: the totals') count of recipients whose grant the rules
     * cannot compute is hidden. Before grant year 2021 only the intellectual disability deduction
     * is missing, so that count says who has the diagnosis; the figures resting on the grant go
     * with it, since they are empty exactly when the count is not 0. Rules with every value (or
     * none) leave no doubt to hide: every grant is known (or none is), as anyone can read.
     */
    static boolean unknownGrantsHidden(Year year, String code) {
        if (year.rules().map(r -> r.missingParameters().isEmpty()).orElse(true)) {
            return false;
        }
        CountBreakdowns.Hidden unknown = year.counts().get("recipientsWithUnknownGrant");
        return code == null ? unknown.total() : unknown.hides(code);
    }

    /**
     * Why a member's ({@code code} null: the totals') figures resting on its grants are hidden from
     * the caller, if they are: the count of unknown grants hidden, or another member's open year
     * ({@link OpenYears}). Empty: shown.
     */
    static Optional<String> grantsHidden(Year year, String code) {
        if (unknownGrantsHidden(year, code)) {
            return Optional.of(UNKNOWN_GRANTS);
        }
        // A member with nobody in the year has no grant to move.
        boolean open = year.members().stream()
                .filter(m -> code == null || m.municipality().code().equals(code))
                .anyMatch(m -> year.openYears().contains(m.municipality().code())
                        && m.figures().recipients() > 0);
        return open ? Optional.of(OpenYears.REASON) : Optional.empty();
    }

    static final String UNKNOWN_GRANTS = "rests on the grant, and how many grants the rules cannot compute is hidden:"
            + " shown or empty, this figure would tell whether there are any";

    /** One reason for every hidden cell of a kind: which hidden rows are small and which protect them stays untold. */
    static String reason(String code, boolean whole, int k) {
        if (!whole) {
            return "a count in it is below " + k + " recipients, or would let one be worked out from the totals";
        }
        return code == null
                ? "the hidden members' figures together rest on fewer than " + k
                        + " recipients, here or beside the pooled figures: this total less the figures shown"
                        + " would reveal them"
                : "rests on fewer than " + k + " recipients, or would let such a figure be worked out from the totals"
                        + " or the pooled figures";
    }
}
