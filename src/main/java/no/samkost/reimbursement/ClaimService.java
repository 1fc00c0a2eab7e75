package no.samkost.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.costs.CostLedger;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.recipients.RecipientDirectory.GrantFacts;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantReason;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientGrant;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.reimbursement.calculation.ValueStatus;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The caller's claim for one cost year: one ledger query, then the calculator per recipient; or,
 * once submitted, the submission's snapshot.
 */
@ApplicationScoped
public class ClaimService {

    private final CostLedger ledger;
    private final RuleBook rules;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final SubmissionRecords submissions;
    private final RecipientDirectory recipients;

    public ClaimService(
            CostLedger ledger,
            RuleBook rules,
            AuditTrail audit,
            CurrentMunicipality current,
            SubmissionRecords submissions,
            RecipientDirectory recipients) {
        this.submissions = submissions;
        this.recipients = recipients;
        this.ledger = ledger;
        this.rules = rules;
        this.audit = audit;
        this.current = current;
    }

    /**
     * The claim as the caller may read it: while submitted or attested, the snapshot's figures;
     * otherwise (or with {@code live}) computed from the ledger, with the differences from the
     * latest snapshot when asked for live figures.
     */
    @Transactional
    public ClaimView claim(int costYear, boolean live) {
        return claim(costYear, live, ProjectionRequest.DEFAULTS);
    }

    /**
     * The same, for a cost year whose grant year may have no figures yet: its rules are then
     * projected under the defaults or what {@code projection} sets (the answer's rules say
     * PROJECTED and show the assumptions).
     */
    @Transactional
    public ClaimView claim(int costYear, boolean live, ProjectionRequest projection) {
        GrantRules yearRules = rulesFor(costYear, projection);
        Optional<ClaimSubmission> latest = submissions.latest(costYear);
        ClaimState state = latest.map(ClaimSubmission::claimState).orElse(ClaimState.OPEN);
        String code = current.require().code();
        SubmissionView submission =
                latest.map(s -> SubmissionView.of(s, code, false)).orElse(null);
        ClaimView answer;
        if (state.closesTheYear() && !live) {
            answer = ClaimView.of(
                    submissions.figures(latest.get()), state, ClaimView.Figures.SNAPSHOT, submission, null);
        } else {
            ClaimFigures figures = figures(costYear, yearRules);
            ClaimDifferences differences = live
                    ? latest.map(s -> ClaimDifferences.between(
                                    s.number, s.snapshotSha256, submissions.figures(s), figures))
                            .orElse(null)
                    : null;
            answer = ClaimView.of(figures, state, ClaimView.Figures.LIVE, submission, differences);
        }
        audit.recordRead("claim.read", "cost year " + costYear + (live ? " (live)" : ""));
        return answer;
    }

    /**
     * The claim as a variance compares with it: while submitted or attested the snapshot's rules
     * and lines (birth year and disability, which lines do not carry, from the register), else the
     * rules and the year's totals now, without computing the grants the variance recomputes anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ClaimSide side(int costYear) {
        GrantRules yearRules = rulesFor(costYear);
        Optional<ClaimSubmission> latest = submissions.latest(costYear);
        ClaimState state = latest.map(ClaimSubmission::claimState).orElse(ClaimState.OPEN);
        List<CostLedger.RecipientYearTotals> totals = ledger.yearTotals(costYear);
        if (!state.closesTheYear()) {
            return new ClaimSide(
                    yearRules,
                    totals.stream().map(ClaimService::recipientYear).toList(),
                    ClaimView.Figures.LIVE,
                    false);
        }
        ClaimFigures frozen = submissions.figures(latest.get());
        Map<String, CostLedger.RecipientYearTotals> register = new java.util.HashMap<>();
        totals.forEach(t -> register.put(t.ref(), t));
        return new ClaimSide(
                frozen.rules().asRules(),
                frozen.recipients().stream()
                        .map(line -> {
                            CostLedger.RecipientYearTotals known = register.get(line.ref());
                            GrantFacts facts = known != null
                                    ? null
                                    : recipients.grantFacts(line.ref()).orElseThrow();
                            return new RecipientYear(
                                    line.ref(),
                                    known != null ? known.birthYear() : facts.birthYear(),
                                    known != null ? known.intellectualDisability() : facts.intellectualDisability(),
                                    line.costs(),
                                    line.deductions().earmarkedGrants(),
                                    line.deductions().hostMunicipalityGrant(),
                                    line.deductions().userPayments());
                        })
                        .toList(),
                ClaimView.Figures.SNAPSHOT,
                true);
    }

    /** One side of a variance: the claim's rules and recipients, and whether they are final. */
    record ClaimSide(GrantRules rules, List<RecipientYear> recipients, ClaimView.Figures figures, boolean claimFinal) {}

    private static RecipientYear recipientYear(CostLedger.RecipientYearTotals t) {
        return new RecipientYear(
                t.ref(),
                t.birthYear(),
                t.intellectualDisability(),
                t.directWageCosts(),
                t.earmarkedGrants(),
                t.hostMunicipalityGrant(),
                t.userPayments());
    }

    /** The rules of grant year costYear + 1 (values it lacks projected under the defaults), or the 404 that names both years. */
    GrantRules rulesFor(int costYear) {
        return rulesFor(costYear, ProjectionRequest.DEFAULTS);
    }

    GrantRules rulesFor(int costYear, ProjectionRequest projection) {
        int grantYear = costYear + 1;
        return rules.rulesFor(grantYear, projection)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no rules for grant year " + grantYear + " (costs of " + costYear
                                + "): the claim for the costs of " + costYear + " uses the circular IS-4/"
                                + grantYear + "; the rule book answers grant years " + rules.firstGrantYear() + " to "
                                + rules.lastGrantYear()));
    }

    /** The claim's figures computed from the ledger now; records nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    ClaimFigures figures(int costYear, GrantRules yearRules) {
        List<RecipientYear> years = ledger.yearTotals(costYear).stream()
                .map(ClaimService::recipientYear)
                .toList();
        List<ClaimView.RecipientLine> lines = years.stream()
                .map(r -> line(GrantCalculator.calculate(yearRules, r)))
                .toList();
        return new ClaimFigures(
                current.require().code(),
                costYear,
                costYear + 1,
                RulesView.of(yearRules),
                lines,
                totals(lines),
                reliedOn(yearRules, years));
    }

    /** The values any recipient's grant depended on, in the rules' order, with their status. */
    static Map<String, ValueStatus> reliedOn(GrantRules rules, List<RecipientYear> recipients) {
        Set<String> used = new HashSet<>();
        recipients.forEach(r -> used.addAll(GrantCalculator.valuesUsed(rules, r)));
        Map<String, ValueStatus> reliedOn = new LinkedHashMap<>();
        GrantRules.PARAMETERS.stream().filter(used::contains).forEach(p -> reliedOn.put(p, rules.statusOf(p)));
        return reliedOn;
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
