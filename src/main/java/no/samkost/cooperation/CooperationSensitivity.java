package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.MemberPlanningYears.Member;
import no.samkost.cooperation.MemberPlanningYears.Year;
import no.samkost.cooperation.api.AnnualCostIs;
import no.samkost.cooperation.api.CooperationSensitivityView;
import no.samkost.cooperation.api.JointServiceSteps;
import no.samkost.cooperation.api.MemberSensitivity;
import no.samkost.cooperation.api.PlaceRequest;
import no.samkost.cooperation.api.PlaceVariant;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.planning.SensitivityQuery;
import no.samkost.planning.SensitivityView;
import no.samkost.planning.calculation.KeyFigures;
import no.samkost.planning.calculation.Sensitivity;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.tenancy.ConsistentSnapshot;
import no.samkost.tenancy.Cooperation;

/**
 * Every member's sensitivity side by side ({@link Sensitivity}, as each member's own endpoint
 * computes it, from its own rows), and for each member the variant where the recipients added are
 * served in a joint service at a place's cost ({@link JointServicePlaces}).
 *
 * <p>The small-number rule: a member's base (recipients, costs, grant, net cost) rests on its
 * recipients, hidden exactly as the key figures of the year hide the row; its group figures
 * (the group's count, median annual cost and what follows from it: the grant of that cost, the
 * marginal net cost and every step, each of which less the base gives the median back) are hidden
 * as well when the key figures hide the member's breakdown by user group, since the group's
 * count next to the row's would otherwise give a hidden group back. The joint-service steps rest
 * on the base and the place's cost only.
 */
@ApplicationScoped
@Transactional
public class CooperationSensitivity {

    static final List<String> BASE_FIELDS = List.of("recipients", "costs", "grant", "netCost", "inJointServices");
    static final List<String> GROUP_FIELDS =
            List.of("groupRecipients", "annualCost", "annualGrant", "marginalNetCost", "steps");

    /** The fields that rest on the member's grants being known. */
    static final List<String> GRANT_FIELDS =
            List.of("grant", "netCost", "inJointServices", "annualGrant", "marginalNetCost", "steps");

    private final ConsistentSnapshot snapshot;
    private final Cooperations cooperations;
    private final MemberPlanningYears years;
    private final JointServicePlaces places;
    private final RuleBook rules;
    private final AuditTrail audit;

    public CooperationSensitivity(
            ConsistentSnapshot snapshot,
            Cooperations cooperations,
            MemberPlanningYears years,
            JointServicePlaces places,
            RuleBook rules,
            AuditTrail audit) {
        this.snapshot = snapshot;
        this.cooperations = cooperations;
        this.years = years;
        this.places = places;
        this.rules = rules;
        this.audit = audit;
    }

    public CooperationSensitivityView sensitivity(
            String cooperationId, int costYear, SensitivityQuery query, PlaceRequest place) {
        Cooperation c = cooperations.require(cooperationId);
        snapshot.begin();
        GrantRules yearRules = rulesOf(costYear);
        int k = cooperations.agreement(c).minimumCellSize();
        Year year = years.year(c, costYear, Optional.of(yearRules), years.read(c, costYear, costYear, "sensitivity"));
        List<PlaceVariant> variants = (place.serviceId() == null
                        ? places.inCooperation(c, costYear, place.usageHoursPerWeek())
                        : List.of(places.inCooperation(c, place.serviceId(), costYear, place.usageHoursPerWeek())))
                .stream()
                        .map(p -> {
                            BigDecimal grant = Sensitivity.grantOf(yearRules, p.directWageCost());
                            return new PlaceVariant(
                                    p,
                                    grant,
                                    grant == null ? null : p.placeCost().subtract(grant));
                        })
                        .toList();
        List<SuppressedCell> suppressed = new ArrayList<>();
        List<MemberSensitivity> members = year.members().stream()
                .map(m -> member(
                        m, year, query, variants, k, cooperations.caller().code(), suppressed))
                .toList();
        audit.recordRead("cooperation.sensitivity.read", c.id() + " cost year " + costYear + " group " + query.group());
        return new CooperationSensitivityView(
                c.id(),
                costYear,
                costYear + 1,
                query.group(),
                query.from(),
                query.to(),
                k,
                variants,
                members,
                suppressed,
                List.of(
                        "each recipient added or removed in its own service costs the group's median annual cost in"
                                + " the member's own ledger (for another member than the viewer its mean: a median is"
                                + " one recipient's cost) and brings the grant of that cost (a recipient of "
                                + Sensitivity.AGE + " without deductions); steps start where the group runs out",
                        "served in a joint service, each recipient added costs the place's cost: the year's price of"
                                + " care (direct wages / confirmed placements' usage x days) x usageHoursPerWeek x the"
                                + " year's days, plus the shared costs / capacity; only the wage part earns a grant"));
    }

    /** The rules of grant year costYear + 1, which the members' claims for the costs of costYear use. */
    private GrantRules rulesOf(int costYear) {
        return rules.forGrantYear(costYear + 1)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no rules for grant year " + (costYear + 1) + " (costs of " + costYear + ")"));
    }

    private static MemberSensitivity member(
            Member m,
            Year year,
            SensitivityQuery query,
            List<PlaceVariant> variants,
            int k,
            String viewer,
            List<SuppressedCell> suppressed) {
        String code = m.municipality().code();
        boolean own = code.equals(viewer);
        KeyFigures.Figures f = m.figures();
        List<BigDecimal> groupCosts = m.lines().stream()
                .filter(l -> query.group() == null || query.group().name().equals(l.userGroup()))
                .map(KeyFigures.Line::costs)
                .toList();
        int g = groupCosts.size();
        Sensitivity.Base base = new Sensitivity.Base(f.recipients(), g, f.costs(), f.grant());
        // A median is one recipient's cost: another member's group is priced at its mean.
        BigDecimal annualCost = g == 0
                ? null
                : own
                        ? KeyFigures.median(groupCosts)
                        : groupCosts.stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .divide(BigDecimal.valueOf(g), 2, java.math.RoundingMode.HALF_UP);
        BigDecimal annualGrant = null;
        List<SensitivityView.Step> steps = null;
        int first = Math.max(query.from(), -g);
        // A grant the rules cannot compute leaves the net costs unknown, never counted as nothing.
        boolean known = f.grant() != null;
        if (annualCost != null && known) {
            annualGrant = Sensitivity.grantOf(year.rules().orElseThrow(), annualCost);
        }
        if (annualGrant != null) {
            steps = first > query.to()
                    ? List.of()
                    : Sensitivity.steps(base, annualCost, annualGrant, first, query.to()).stream()
                            .map(SensitivityView.Step::of)
                            .toList();
        }
        List<JointServiceSteps> joint = !known
                ? null
                : variants.stream()
                        .map(v -> new JointServiceSteps(
                                v.place().serviceId(),
                                v.placeGrant() == null
                                        ? null
                                        : Sensitivity.addedSteps(
                                                        base,
                                                        v.place().placeCost(),
                                                        v.placeGrant(),
                                                        query.from(),
                                                        query.to())
                                                .stream()
                                                .map(SensitivityView.Step::of)
                                                .toList()))
                        .toList();

        boolean whole = year.rows().hiddenRows().contains(code);
        boolean group = whole
                || (query.group() != null && year.counts().get("byUserGroup").hides(code));
        // Hidden with the count of unknown grants, or in another member's open year (see the key figures).
        Optional<String> grantsHidden = whole ? Optional.empty() : MemberPlanningYears.grantsHidden(year, code);
        boolean grants = grantsHidden.isPresent();
        for (String field : BASE_FIELDS) {
            if (whole) {
                suppressed.add(new SuppressedCell(code, field, MemberPlanningYears.reason(code, true, k)));
            } else if (grants && GRANT_FIELDS.contains(field)) {
                suppressed.add(new SuppressedCell(code, field, grantsHidden.get()));
            }
        }
        for (String field : GROUP_FIELDS) {
            if (group) {
                suppressed.add(new SuppressedCell(code, field, MemberPlanningYears.reason(code, whole, k)));
            } else if (grants && GRANT_FIELDS.contains(field)) {
                suppressed.add(new SuppressedCell(code, field, grantsHidden.get()));
            }
        }
        return new MemberSensitivity(
                code,
                whole ? null : f.recipients(),
                whole ? null : f.costs(),
                whole || grants ? null : f.grant(),
                whole || grants ? null : f.netCost(),
                group ? null : g,
                group ? null : annualCost,
                group || annualCost == null ? null : own ? AnnualCostIs.MEDIAN : AnnualCostIs.MEAN,
                group || grants ? null : annualGrant,
                group || grants || annualGrant == null ? null : annualCost.subtract(annualGrant),
                group || grants ? null : steps,
                whole || grants ? null : joint);
    }
}
