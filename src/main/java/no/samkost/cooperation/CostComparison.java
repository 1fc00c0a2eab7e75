package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import no.samkost.audit.AuditTrail;
import no.samkost.cooperation.PooledComputation.MemberYear;
import no.samkost.cooperation.PooledComputation.PlacedRecipient;
import no.samkost.cooperation.PooledComputation.Pooled;
import no.samkost.cooperation.api.ComparisonMember;
import no.samkost.cooperation.api.ComparisonView;
import no.samkost.cooperation.api.PooledNote;
import no.samkost.cooperation.api.StandAloneView;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.cooperation.calculation.Apportionment;
import no.samkost.cooperation.calculation.SmallNumbers;
import no.samkost.cooperation.calculation.StandAloneModel;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientGrant;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.tenancy.Cooperation;

/**
 * The pooled net cost beside running alone: a member with n placed recipients would pay the
 * agreement's fixed cost per year plus n x the variable cost, and each recipient's grant is
 * recomputed with its joint-service share replaced by its part of those costs (the fixed cost
 * shared equally among the member's recipients, to the øre).
 */
@ApplicationScoped
@Transactional
public class CostComparison {

    private static final BigDecimal ZERO = PooledComputation.ZERO;

    /**
     * Another member's figures that rest on its grants: hidden in its open year ({@link OpenYears}).
     * The stand-alone grant replaces only this cooperation's joint-service share, so another
     * cooperation's attribution still moves it.
     */
    static final List<String> GRANT_FIELDS =
            List.of("pooledNetCost", "standAloneExpectedGrant", "standAloneNetCost", "savingsFromCooperation");

    private final Cooperations cooperations;
    private final PooledComputation computation;
    private final AuditTrail audit;
    private final OpenYears openYears;

    public CostComparison(
            Cooperations cooperations, PooledComputation computation, AuditTrail audit, OpenYears openYears) {
        this.cooperations = cooperations;
        this.computation = computation;
        this.audit = audit;
        this.openYears = openYears;
    }

    public ComparisonView comparison(String cooperationId, int costYear) {
        Cooperation c = cooperations.require(cooperationId);
        Pooled pooled = computation.compute(c, costYear);
        StandAloneModel model = cooperations.agreement(c).standAlone();
        // The same hidden rows as the pooled figures: pooledNetCost is their netCost, and
        // standAloneCosts = fixed + variable x n would give away the count.
        SmallNumbers.Hidden hidden = pooled.hidden();
        Set<String> open = openYears.of(c, costYear);
        List<SuppressedCell> suppressed = new ArrayList<>(pooled.suppressed(SmallNumbers.COMPARISON_FIELDS, false));
        List<ComparisonMember> rows = new ArrayList<>();
        for (MemberYear m : pooled.members()) {
            String code = m.municipality().code();
            if (hidden.hiddenRows().contains(code)) {
                rows.add(hiddenRow(m));
            } else if (PooledFigures.grantsOpen(m, open)) {
                ComparisonMember all = compare(m, model, pooled.rules());
                rows.add(new ComparisonMember(
                        code, all.placedRecipients(), null, all.standAloneCosts(), null, null, null));
                GRANT_FIELDS.forEach(field -> suppressed.add(new SuppressedCell(code, field, OpenYears.REASON)));
            } else {
                rows.add(compare(m, model, pooled.rules()));
            }
        }
        audit.recordRead("cooperation.comparison.read", c.id() + " cost year " + costYear);
        return new ComparisonView(
                c.id(),
                costYear,
                costYear + 1,
                new StandAloneView(model.fixedCostPerYear(), model.variableCostPerRecipient()),
                rows,
                suppressed,
                PooledNote.texts(pooled.notes()));
    }

    /** A hidden member: nothing is computed for it, so nothing of it can leave. */
    private static ComparisonMember hiddenRow(MemberYear m) {
        return new ComparisonMember(m.municipality().code(), null, null, null, null, null, null);
    }

    private static ComparisonMember compare(MemberYear m, StandAloneModel model, GrantRules rules) {
        int n = m.recipients().size();
        BigDecimal costs = n == 0
                ? ZERO
                : model.fixedCostPerYear().add(model.variableCostPerRecipient().multiply(BigDecimal.valueOf(n)));
        BigDecimal grant = standAloneGrant(m.recipients(), model, rules);
        BigDecimal standAloneNet = costs.subtract(grant);
        return new ComparisonMember(
                m.municipality().code(),
                m.placedRecipients(),
                m.netCost(),
                costs,
                grant,
                standAloneNet,
                standAloneNet.subtract(m.netCost()));
    }

    /** Each recipient's grant with its joint-service share replaced by its part of the stand-alone costs. */
    private static BigDecimal standAloneGrant(
            List<PlacedRecipient> recipients, StandAloneModel model, GrantRules rules) {
        int n = recipients.size();
        if (n == 0) {
            return ZERO;
        }
        List<BigDecimal> fixedParts =
                Apportionment.apportion(model.fixedCostPerYear(), Collections.nCopies(n, BigDecimal.ONE));
        BigDecimal grant = ZERO;
        for (int i = 0; i < n; i++) {
            PlacedRecipient r = recipients.get(i);
            RecipientYear y = r.year();
            BigDecimal alone = y.directWageCosts()
                    .subtract(r.attributed())
                    .add(fixedParts.get(i))
                    .add(model.variableCostPerRecipient());
            RecipientGrant g = GrantCalculator.calculate(
                    rules,
                    new RecipientYear(
                            y.ref(),
                            y.birthYear(),
                            y.intellectualDisability(),
                            alone,
                            y.earmarkedGrants(),
                            y.hostMunicipalityGrant(),
                            y.userPayments()));
            grant = grant.add(g.grant() == null ? ZERO : g.grant());
        }
        return grant;
    }
}
