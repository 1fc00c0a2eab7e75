package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import no.samkost.audit.AuditTrail;
import no.samkost.cooperation.PooledComputation.MemberYear;
import no.samkost.cooperation.PooledComputation.Pooled;
import no.samkost.cooperation.api.PooledMember;
import no.samkost.cooperation.api.PooledTotals;
import no.samkost.cooperation.api.PooledView;
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
 */
@ApplicationScoped
@Transactional
public class PooledFigures {

    private final Cooperations cooperations;
    private final PooledComputation computation;
    private final AuditTrail audit;

    public PooledFigures(Cooperations cooperations, PooledComputation computation, AuditTrail audit) {
        this.cooperations = cooperations;
        this.computation = computation;
        this.audit = audit;
    }

    public PooledView pooled(String cooperationId, int costYear) {
        Cooperation c = cooperations.require(cooperationId);
        Pooled pooled = computation.compute(c, costYear);
        List<PooledMember> rows = pooled.members().stream()
                .map(m -> new PooledMember(
                        m.municipality().code(),
                        m.placedRecipients(),
                        m.placementDays(),
                        m.attributed(),
                        m.sharedShare(),
                        m.expectedGrant(),
                        m.netCost()))
                .toList();
        audit.recordRead("cooperation.pooled.read", c.id() + " cost year " + costYear);
        return new PooledView(c.id(), costYear, costYear + 1, rows, totals(pooled), pooled.notes());
    }

    private static PooledTotals totals(Pooled pooled) {
        List<MemberYear> members = pooled.members();
        return new PooledTotals(
                members.stream().mapToInt(MemberYear::placedRecipients).sum(),
                members.stream().mapToLong(MemberYear::placementDays).sum(),
                sum(members.stream().map(MemberYear::attributed).toList()),
                pooled.sharedCosts(),
                sum(members.stream().map(MemberYear::expectedGrant).toList()),
                sum(members.stream().map(MemberYear::netCost).toList()));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(PooledComputation.ZERO, BigDecimal::add);
    }
}
