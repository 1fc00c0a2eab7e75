package no.samkost.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.costs.CostLedger;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantReason;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientGrant;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.tenancy.CurrentMunicipality;

/** The caller's claim for one cost year: one ledger query, then the calculator per recipient. */
@ApplicationScoped
public class ClaimService {

    private final CostLedger ledger;
    private final RuleBook rules;
    private final AuditTrail audit;
    private final CurrentMunicipality current;

    public ClaimService(CostLedger ledger, RuleBook rules, AuditTrail audit, CurrentMunicipality current) {
        this.ledger = ledger;
        this.rules = rules;
        this.audit = audit;
        this.current = current;
    }

    @Transactional
    public ClaimView claim(int costYear) {
        int grantYear = costYear + 1;
        GrantRules yearRules = rules.forGrantYear(grantYear)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no rules for grant year " + grantYear + " (costs of " + costYear
                                + "): the claim for the costs of " + costYear + " uses the circular IS-4/"
                                + grantYear));
        List<ClaimView.RecipientLine> lines = ledger.yearTotals(costYear).stream()
                .map(t -> line(GrantCalculator.calculate(
                        yearRules,
                        new RecipientYear(
                                t.ref(),
                                t.birthYear(),
                                t.intellectualDisability(),
                                t.directWageCosts(),
                                t.earmarkedGrants(),
                                t.hostMunicipalityGrant(),
                                t.userPayments()))))
                .toList();
        audit.recordRead("claim.read", "cost year " + costYear);
        return new ClaimView(
                current.require().code(), costYear, grantYear, RulesView.of(yearRules), lines, totals(lines));
    }

    static ClaimView.RecipientLine line(RecipientGrant g) {
        return new ClaimView.RecipientLine(
                g.ref(),
                g.eligible(),
                g.reason(),
                g.costs(),
                new ClaimView.Deductions(
                        g.earmarkedGrants(),
                        g.hostMunicipalityGrant(),
                        g.userPayments(),
                        g.intellectualDisabilityDeduction()),
                g.basis(),
                g.grant());
    }

    /** One pass over the lines; sums of the rounded per-recipient figures, unknown ones left out. */
    static ClaimView.Totals totals(List<ClaimView.RecipientLine> lines) {
        int eligible = 0;
        int incomplete = 0;
        BigDecimal costs = new BigDecimal("0.00");
        BigDecimal basis = new BigDecimal("0.00");
        BigDecimal grant = new BigDecimal("0.00");
        for (ClaimView.RecipientLine line : lines) {
            eligible += Boolean.TRUE.equals(line.eligible()) ? 1 : 0;
            incomplete += line.reason() == GrantReason.RULES_INCOMPLETE ? 1 : 0;
            costs = costs.add(line.costs());
            basis = line.basis() == null ? basis : basis.add(line.basis());
            grant = line.grant() == null ? grant : grant.add(line.grant());
        }
        return new ClaimView.Totals(lines.size(), eligible, incomplete, costs, basis, grant);
    }
}
