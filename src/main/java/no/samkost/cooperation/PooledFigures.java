package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.samkost.audit.AuditTrail;
import no.samkost.cooperation.PooledComputation.MemberYear;
import no.samkost.cooperation.PooledComputation.Pooled;
import no.samkost.cooperation.api.PooledMember;
import no.samkost.cooperation.api.PooledNote;
import no.samkost.cooperation.api.PooledTotals;
import no.samkost.cooperation.api.PooledView;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.cooperation.calculation.SmallNumbers;
import no.samkost.tenancy.Cooperation;

/**
 * What the joint project group sees: per member and in total, aggregates only. No ref, no
 * recipient id and no per-recipient figure is in the result.
 *
 * <p>Per member, for the cost year: placed recipients and placement-days in the cooperation's
 * joint services; attributed costs (its JOINT_SERVICE ledger lines from those placements); its
 * share of the shared costs by the agreement's key per cost pool; the expected grant (its claim's
 * grants for the placed recipients, under the rules of grant year costYear + 1); and
 * {@code netCost = attributedCosts + sharedCostShare - expectedGrant}.
 *
 * <p>Under the small-number rule ({@link SmallNumbers}) another member's figures that rest on too
 * few placed recipients, and totals that would reveal them, are null and named in {@code suppressed}.
 */
@ApplicationScoped
@Transactional
public class PooledFigures {

    /** Another member's figures that rest on its grants: hidden in its open year ({@link OpenYears}). */
    static final List<String> GRANT_FIELDS = List.of("expectedGrant", "netCost");

    private final Cooperations cooperations;
    private final PooledComputation computation;
    private final AuditTrail audit;
    private final OpenYears openYears;

    public PooledFigures(
            Cooperations cooperations, PooledComputation computation, AuditTrail audit, OpenYears openYears) {
        this.cooperations = cooperations;
        this.computation = computation;
        this.audit = audit;
        this.openYears = openYears;
    }

    /** The pooled figures as the API shows them, and their notes as values (the front end words them). */
    public record Shown(PooledView view, List<PooledNote> notes) {}

    public PooledView pooled(String cooperationId, int costYear) {
        return shown(cooperationId, costYear).view();
    }

    public Shown shown(String cooperationId, int costYear) {
        Cooperation c = cooperations.require(cooperationId);
        Pooled pooled = computation.compute(c, costYear);
        SmallNumbers.Hidden hidden = pooled.hidden();
        boolean host = c.host().equals(cooperations.caller().id());
        Set<String> open = openYears.of(c, costYear);
        List<PooledMember> rows =
                pooled.members().stream().map(m -> row(m, hidden, open)).toList();
        List<SuppressedCell> suppressed = new ArrayList<>(pooled.suppressed(SmallNumbers.POOLED_FIELDS, true));
        for (MemberYear m : pooled.members()) {
            String code = m.municipality().code();
            if (grantsOpen(m, open) && !hidden.hiddenRows().contains(code)) {
                GRANT_FIELDS.forEach(field -> suppressed.add(new SuppressedCell(code, field, OpenYears.REASON)));
            }
        }
        boolean grantTotalsOpen = grantTotalsOpen(pooled, open);
        if (grantTotalsOpen) {
            for (String field : GRANT_FIELDS) {
                // A total hidden already (by the rule, or as the host's alone) is listed once.
                if (!hidden.hidesTotal(field) && (host || !HOST_ONLY_TOTALS.contains(field))) {
                    suppressed.add(new SuppressedCell(null, "totals." + field, OpenYears.REASON));
                }
            }
        }
        if (!host) {
            for (String field : HOST_ONLY_TOTALS) {
                if (!hidden.hidesTotal(field)) {
                    suppressed.add(new SuppressedCell(null, "totals." + field, HOST_ONLY_REASON));
                }
            }
        }
        audit.recordRead("cooperation.pooled.read", c.id() + " cost year " + costYear);
        return new Shown(
                new PooledView(
                        c.id(),
                        costYear,
                        costYear + 1,
                        rows,
                        totals(pooled, hidden, host, grantTotalsOpen),
                        suppressed,
                        PooledNote.texts(pooled.notes())),
                pooled.notes());
    }

    /**
     * Totals the host alone reads. The year's attributed direct wages are close to twelve times a
     * month's wages; with its own monthly share and its own days x usage a home would compute the
     * month's total weight and so the other placements' care (attack of 3 December 2026: Hof found
     * Re's 25 h/week from the totals and its own January line). The expected grant's total goes too,
     * since with the net cost and the shared costs it gives the attributed total back.
     */
    static final List<String> HOST_ONLY_TOTALS = List.of("attributedCosts", "expectedGrant");

    static final String HOST_ONLY_REASON = "the host's alone: with a home's own monthly shares, the year's"
            + " attributed wages would give the joint services' monthly care weight, and so other placements' care";

    /** Whether the totals hold the grants of a placed recipient of another member whose year is open. */
    private static boolean grantTotalsOpen(Pooled pooled, Set<String> open) {
        return pooled.members().stream().anyMatch(m -> grantsOpen(m, open));
    }

    /** Another member's open year with somebody placed: without anybody its grants here are 0 whatever moves. */
    static boolean grantsOpen(MemberYear m, Set<String> open) {
        return open.contains(m.municipality().code()) && m.placedRecipients() > 0;
    }

    /** A member's row; the fields the rule hides from the caller are null, and so are another's grants in its open year. */
    private static PooledMember row(MemberYear m, SmallNumbers.Hidden hidden, Set<String> open) {
        String code = m.municipality().code();
        boolean grants = !grantsOpen(m, open);
        return new PooledMember(
                code,
                shown(hidden, code, "placedRecipients", m.placedRecipients()),
                shown(hidden, code, "placementDays", m.placementDays()),
                shown(hidden, code, "attributedCosts", m.attributed()),
                shown(hidden, code, "sharedCostShare", m.sharedShare()),
                grants ? shown(hidden, code, "expectedGrant", m.expectedGrant()) : null,
                grants ? shown(hidden, code, "netCost", m.netCost()) : null);
    }

    private static <T> T shown(SmallNumbers.Hidden hidden, String code, String field, T value) {
        return hidden.hides(code, field) ? null : value;
    }

    private static PooledTotals totals(Pooled pooled, SmallNumbers.Hidden hidden, boolean host, boolean grantsOpen) {
        List<MemberYear> members = pooled.members();
        return new PooledTotals(
                total(
                        hidden,
                        "placedRecipients",
                        members.stream().mapToInt(MemberYear::placedRecipients).sum()),
                total(
                        hidden,
                        "placementDays",
                        members.stream().mapToLong(MemberYear::placementDays).sum()),
                total(
                        hidden,
                        host,
                        "attributedCosts",
                        sum(members.stream().map(MemberYear::attributed).toList())),
                pooled.sharedCosts(),
                grantsOpen
                        ? null
                        : total(
                                hidden,
                                host,
                                "expectedGrant",
                                sum(members.stream()
                                        .map(MemberYear::expectedGrant)
                                        .toList())),
                grantsOpen
                        ? null
                        : total(
                                hidden,
                                "netCost",
                                sum(members.stream().map(MemberYear::netCost).toList())));
    }

    private static <T> T total(SmallNumbers.Hidden hidden, String field, T value) {
        return hidden.hidesTotal(field) ? null : value;
    }

    private static <T> T total(SmallNumbers.Hidden hidden, boolean host, String field, T value) {
        return host || !HOST_ONLY_TOTALS.contains(field) ? total(hidden, field, value) : null;
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(PooledComputation.ZERO, BigDecimal::add);
    }
}
