package no.samkost.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.JointServicePlaces;
import no.samkost.cooperation.api.PlaceCostView;
import no.samkost.cooperation.api.PlaceRequest;
import no.samkost.planning.calculation.KeyFigures;
import no.samkost.planning.calculation.Sensitivity;
import no.samkost.recipients.UserGroup;
import no.samkost.reimbursement.ClaimService;
import no.samkost.reimbursement.ClaimView;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The caller's net cost with more or fewer recipients of a group ({@link Sensitivity}): the year's
 * claim gives where it stands and the group's costs; the added or removed recipient is one of 30
 * without an intellectual disability or other deductions, whose grant the real calculator gives
 * under the year's rules.
 */
@ApplicationScoped
@Transactional
public class SensitivityService {

    private final EntityManager entityManager;
    private final ClaimService claims;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final JointServicePlaces places;

    public SensitivityService(
            EntityManager entityManager,
            ClaimService claims,
            AuditTrail audit,
            CurrentMunicipality current,
            JointServicePlaces places) {
        this.entityManager = entityManager;
        this.claims = claims;
        this.audit = audit;
        this.current = current;
        this.places = places;
    }

    public SensitivityView sensitivity(
            int costYear, UserGroup group, Integer from, int to, BigDecimal givenCost, PlaceRequest place) {
        ClaimView claim = claims.claim(costYear, false);
        if (claim.totals().incompleteRecipients() > 0) {
            throw new ProblemException(
                    ProblemType.RULES_INCOMPLETE,
                    "the grant of " + claim.totals().incompleteRecipients() + " recipient(s) in " + costYear
                            + " cannot be computed (grant year " + claim.grantYear() + " lacks "
                            + String.join(", ", claim.rules().missingParameters()) + "), so neither can the net cost");
        }
        Map<String, String> groupOf = groups(costYear);
        List<BigDecimal> groupCosts = claim.recipients().stream()
                .filter(l -> group == null || group.name().equals(groupOf.get(l.ref())))
                .map(ClaimView.RecipientLine::costs)
                .toList();
        int n = groupCosts.size();
        int first = from != null ? from : Math.max(SensitivityQuery.DEFAULT_FROM, -n);
        if (first < -n) {
            throw ProblemException.invalidField("from", "at least " + -n + ": the group has " + n + " recipients");
        }
        if (to < first) {
            // Only without a from: the default stopped where the group runs out, above this to.
            throw ProblemException.invalidField("to", "at least " + first + ": the group has " + n + " recipients");
        }
        if (givenCost == null && groupCosts.isEmpty()) {
            throw ProblemException.invalidField(
                    "annualCost", "no recipient of the group has costs in " + costYear + ": give the annual cost");
        }
        BigDecimal annualCost = givenCost != null ? givenCost.setScale(2) : KeyFigures.median(groupCosts);
        // The claim's own rules (a signed year's snapshot's), so the steps and the base agree.
        GrantRules yearRules = claim.rules().asRules();
        BigDecimal annualGrant = Sensitivity.grantOf(yearRules, annualCost);
        Sensitivity.Base base = new Sensitivity.Base(
                claim.totals().recipients(),
                groupCosts.size(),
                claim.totals().costs(),
                claim.totals().grant());
        List<SensitivityView.Step> steps = Sensitivity.steps(base, annualCost, annualGrant, first, to).stream()
                .map(SensitivityView.Step::of)
                .toList();
        audit.recordRead("planning.sensitivity.read", "cost year " + costYear + " group " + group);
        return new SensitivityView(
                costYear,
                costYear + 1,
                group,
                groupCosts.size(),
                annualCost,
                givenCost != null ? "GIVEN" : "MEDIAN",
                annualGrant,
                annualCost.subtract(annualGrant),
                steps,
                place.serviceId() == null
                        ? List.of()
                        : List.of(jointService(costYear, base, yearRules, first, to, place)));
    }

    /** Each recipient added served in a joint service of one of the caller's cooperations, at a place's cost. */
    private SensitivityView.JointService jointService(
            int costYear, Sensitivity.Base base, GrantRules yearRules, int from, int to, PlaceRequest request) {
        PlaceCostView place = places.inCallersCooperations(request.serviceId(), costYear, request.usageHoursPerWeek());
        BigDecimal grant = Sensitivity.grantOf(yearRules, place.directWageCost());
        return new SensitivityView.JointService(
                place,
                grant,
                place.placeCost().subtract(grant),
                Sensitivity.addedSteps(base, place.placeCost(), grant, from, to).stream()
                        .map(SensitivityView.Step::of)
                        .toList());
    }

    /** The user group of each recipient with costs in the year (one query). */
    @SuppressWarnings("unchecked")
    private Map<String, String> groups(int costYear) {
        Map<String, String> groupOf = new HashMap<>();
        ((List<Object[]>) entityManager
                        .createNativeQuery(
                                """
                                select r.ref, r.user_group
                                from cost_year_total t
                                join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                                where t.municipality_id = :m and t.year = :year""")
                        .setParameter("m", current.require().id())
                        .setParameter("year", costYear)
                        .getResultList())
                .forEach(row -> groupOf.put((String) row[0], (String) row[1]));
        return groupOf;
    }
}
