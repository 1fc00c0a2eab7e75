package no.samkost.reimbursement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.InputText;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.costs.CostLedger;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.recipients.RecipientDirectory.GrantFacts;
import no.samkost.reimbursement.calculation.ClaimEstimate;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.GrantVariance;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The claim during the cost year: the estimate (ClaimEstimate's method on the ledger so far and
 * the coordinator's overrides), the overrides themselves, estimates saved as forecasts, and the
 * variance between a forecast and the claim. Reads are audited as reads, writes as writes.
 */
@ApplicationScoped
public class ClaimEstimates {

    private final ClaimService claims;
    private final CostLedger ledger;
    private final RecipientDirectory recipients;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;
    private final ObjectMapper json;

    public ClaimEstimates(
            ClaimService claims,
            CostLedger ledger,
            RecipientDirectory recipients,
            EntityManager entityManager,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock,
            ObjectMapper json) {
        this.claims = claims;
        this.ledger = ledger;
        this.recipients = recipients;
        this.entityManager = entityManager;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public EstimateView estimate(int costYear, ProjectionRequest projection) {
        EstimateView view = compute(costYear, projection);
        audit.recordRead("claim.estimate.read", "cost year " + costYear);
        return view;
    }

    EstimateView compute(int costYear, ProjectionRequest projection) {
        GrantRules rules = claims.rulesFor(costYear, projection);
        CostLedger.BookedYear year = ledger.bookedMonths(costYear);
        List<ClaimEstimate.BookedSoFar> booked = new ArrayList<>();
        Map<String, ClaimEstimate.BookedSoFar> bookedOf = new HashMap<>();
        for (CostLedger.BookedMonths m : year.recipients()) {
            ClaimEstimate.BookedSoFar b = new ClaimEstimate.BookedSoFar(
                    m.ref(),
                    m.birthYear(),
                    m.intellectualDisability(),
                    month(m.booked()),
                    m.active(),
                    month(m.lastThree()),
                    m.lastThreeCount());
            booked.add(b);
            bookedOf.put(b.ref(), b);
        }

        List<EstimateOverride> stored = overrides(costYear);
        Map<UUID, GrantFacts> overridden =
                recipients.grantFacts(stored.stream().map(o -> o.recipientId).toList());
        Map<String, ClaimEstimate.Override> byRef = new HashMap<>();
        Map<String, EstimateView.Override> shown = new HashMap<>();
        List<ClaimEstimate.Expected> expected = new ArrayList<>();
        for (EstimateOverride o : stored) {
            GrantFacts f = overridden.get(o.recipientId);
            byRef.put(f.ref(), new ClaimEstimate.Override(o.endMonth, o.monthlyDirectWageCosts, o.fromMonth));
            shown.put(f.ref(), new EstimateView.Override(o.endMonth, o.monthlyDirectWageCosts, o.fromMonth));
            if (!bookedOf.containsKey(f.ref())) {
                expected.add(new ClaimEstimate.Expected(f.ref(), f.birthYear(), f.intellectualDisability()));
            }
        }
        ClaimEstimate.Result result =
                ClaimEstimate.estimateFrom(costYear, rules, year.lastMonth(), booked, byRef, expected);

        List<EstimateView.Line> lines = new ArrayList<>();
        List<RecipientYear> totals = new ArrayList<>();
        Map<String, ClaimEstimate.Expected> expectedOf = new HashMap<>();
        expected.forEach(e -> expectedOf.put(e.ref(), e));
        for (ClaimEstimate.Line l : result.lines()) {
            ClaimEstimate.BookedSoFar known = bookedOf.get(l.ref());
            int birthYear =
                    known != null ? known.birthYear() : expectedOf.get(l.ref()).birthYear();
            boolean intellectualDisability = known != null
                    ? known.intellectualDisability()
                    : expectedOf.get(l.ref()).intellectualDisability();
            lines.add(new EstimateView.Line(
                    l.ref(),
                    birthYear,
                    intellectualDisability,
                    l.basis(),
                    EstimateView.Figures.of(l.booked()),
                    EstimateView.Figures.of(l.monthly()),
                    l.monthsProjected(),
                    EstimateView.Figures.of(l.projected()),
                    EstimateView.Figures.of(l.total()),
                    l.grant().eligible(),
                    l.grant().reason(),
                    l.againstThreshold(),
                    l.nearThreshold(),
                    l.grant().grant(),
                    shown.get(l.ref())));
            totals.add(new RecipientYear(
                    l.ref(),
                    birthYear,
                    intellectualDisability,
                    l.total().directWageCosts(),
                    l.total().earmarkedGrants(),
                    l.total().hostMunicipalityGrant(),
                    l.total().userPayments()));
        }
        return new EstimateView(
                current.require().code(),
                costYear,
                costYear + 1,
                result.lastBookedMonth(),
                RulesView.of(rules),
                ClaimService.reliedOn(rules, totals),
                lines,
                new EstimateView.Totals(
                        lines.size(),
                        result.recipientsNearThreshold(),
                        result.recipientsWithUnknownGrant(),
                        EstimateView.Figures.of(result.booked()),
                        EstimateView.Figures.of(result.projected()),
                        EstimateView.Figures.of(result.total()),
                        result.grant()));
    }

    private static ClaimEstimate.Month month(CostLedger.Amounts a) {
        return new ClaimEstimate.Month(
                a.directWageCosts(), a.earmarkedGrants(), a.hostMunicipalityGrant(), a.userPayments());
    }

    private List<EstimateOverride> overrides(int costYear) {
        return entityManager
                .createQuery("from EstimateOverride where costYear = :year", EstimateOverride.class)
                .setParameter("year", costYear)
                .getResultList();
    }

    @Transactional
    public EstimateView.Override putOverride(int costYear, String ref, ForecastRequests.OverrideRequest request) {
        // The resource's annotations say the same; checked here too for every other caller (the pages).
        if (request.endMonth() != null && (request.endMonth() < 1 || request.endMonth() > 12)) {
            throw ProblemException.invalidField("endMonth", "a month 1-12");
        }
        if (request.fromMonth() != null && (request.fromMonth() < 1 || request.fromMonth() > 12)) {
            throw ProblemException.invalidField("fromMonth", "a month 1-12");
        }
        if (request.monthlyDirectWageCosts() != null
                && (request.monthlyDirectWageCosts().signum() < 0
                        || request.monthlyDirectWageCosts().compareTo(new BigDecimal("100000000")) > 0
                        || request.monthlyDirectWageCosts().stripTrailingZeros().scale() > 2)) {
            throw ProblemException.invalidField(
                    "monthlyDirectWageCosts", "an amount from 0 to 100000000 NOK with at most 2 decimals");
        }
        if (request.endMonth() == null && request.monthlyDirectWageCosts() == null && request.fromMonth() == null) {
            throw ProblemException.invalidField(
                    "endMonth", "give at least one of endMonth, monthlyDirectWageCosts, fromMonth");
        }
        if (request.fromMonth() != null && request.monthlyDirectWageCosts() == null) {
            throw ProblemException.invalidField(
                    "monthlyDirectWageCosts", "a start month needs the monthly direct wage costs it starts at");
        }
        if (request.fromMonth() != null && request.endMonth() != null && request.endMonth() < request.fromMonth()) {
            throw ProblemException.invalidField("endMonth", "must not be before fromMonth");
        }
        GrantFacts recipient = recipient(ref);
        lockExpectation(costYear, recipient);
        EstimateOverride o =
                entityManager.find(EstimateOverride.class, new EstimateOverride.Key(costYear, recipient.id()));
        boolean added = o == null;
        if (added) {
            o = new EstimateOverride(costYear, recipient.id());
        }
        o.endMonth = request.endMonth();
        o.monthlyDirectWageCosts = request.monthlyDirectWageCosts() == null
                ? null
                : request.monthlyDirectWageCosts().setScale(2);
        o.fromMonth = request.fromMonth();
        o.changedAt = clock.instant();
        o.changedBy = current.subject();
        if (added) {
            entityManager.persist(o);
        }
        audit.record(
                "claim.estimate.override",
                "cost year " + costYear + " recipient " + ref + ": end month " + o.endMonth + ", monthly "
                        + (o.monthlyDirectWageCosts == null ? null : o.monthlyDirectWageCosts.toPlainString())
                        + ", from month " + o.fromMonth);
        return new EstimateView.Override(o.endMonth, o.monthlyDirectWageCosts, o.fromMonth);
    }

    @Transactional
    public void deleteOverride(int costYear, String ref) {
        GrantFacts recipient = recipient(ref);
        lockExpectation(costYear, recipient);
        EstimateOverride o =
                entityManager.find(EstimateOverride.class, new EstimateOverride.Key(costYear, recipient.id()));
        if (o == null) {
            throw new ProblemException(
                    ProblemType.NOT_FOUND, "no expectation for recipient '" + ref + "' in cost year " + costYear);
        }
        entityManager.remove(o);
        audit.record("claim.estimate.override.delete", "cost year " + costYear + " recipient " + ref);
    }

    /**
     * One change of a recipient's expectation at a time (a double click sends two): the second
     * waits for the first to commit and then sees its row, so it changes or removes it instead of
     * inserting a duplicate or removing a row already gone.
     */
    private void lockExpectation(int costYear, GrantFacts recipient) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended('estimate-override:'"
                        + " || current_setting('app.municipality', true) || ':' || :year || ':' || :recipient, 0))")
                .setParameter("year", costYear)
                .setParameter("recipient", recipient.id().toString())
                .getSingleResult();
    }

    private GrantFacts recipient(String ref) {
        // Every caller's ref obeys the rule for text before it reaches a query (the pages' too).
        InputText.problem(ref).ifPresent(p -> {
            throw ProblemException.invalidField("ref", p);
        });
        return recipients
                .grantFacts(ref)
                .orElseThrow(() ->
                        new ProblemException(ProblemType.NOT_FOUND, "no recipient '" + ref + "' in your municipality"));
    }

    /** The estimate as it stands now (default assumptions if projected), saved as a forecast. */
    @Transactional
    public ForecastView saveForecast(int costYear, String label) {
        if (label == null || label.isBlank() || label.strip().length() > 200) {
            throw ProblemException.invalidField("label", "a name of 1 to 200 characters");
        }
        InputText.problem(label).ifPresent(p -> {
            throw ProblemException.invalidField("label", p);
        });
        EstimateView estimate = compute(costYear, ProjectionRequest.DEFAULTS);
        ClaimForecast forecast = new ClaimForecast(
                costYear, label.strip(), CanonicalSnapshot.of(estimate), clock.instant(), current.subject());
        entityManager.persist(forecast);
        audit.record(
                "claim.forecast.save",
                "cost year " + costYear + " forecast " + forecast.id + " sha256 " + forecast.snapshotSha256);
        return view(forecast, estimate, true);
    }

    @Transactional
    public List<ForecastView> forecasts(int costYear) {
        List<ForecastView> all = entityManager
                .createQuery("from ClaimForecast where costYear = :year order by madeAt desc, id", ClaimForecast.class)
                .setParameter("year", costYear)
                .getResultStream()
                .map(f -> view(f, read(f), false))
                .toList();
        audit.recordRead("claim.forecasts.read", "cost year " + costYear);
        return all;
    }

    @Transactional
    public ForecastView forecast(int costYear, UUID id) {
        ClaimForecast f = find(costYear, id);
        audit.recordRead("claim.forecast.read", "cost year " + costYear + " forecast " + id);
        return view(f, read(f), true);
    }

    /**
     * The claim's grant against the forecast's, in GrantVariance's parts. The claim is the
     * submission's snapshot once submitted or attested, else the ledger now. The birth years and
     * disability flags of the claim's recipients (which the claim's lines do not carry) are the
     * register's.
     */
    @Transactional
    public VarianceView variance(int costYear, UUID forecastId) {
        ClaimForecast f = find(costYear, forecastId);
        EstimateView forecast = read(f);
        ClaimService.ClaimSide claim = claims.side(costYear);
        List<RecipientYear> expected = forecast.recipients().stream()
                .map(l -> new RecipientYear(
                        l.ref(),
                        l.birthYear(),
                        l.intellectualDisability(),
                        l.total().directWageCosts(),
                        l.total().earmarkedGrants(),
                        l.total().hostMunicipalityGrant(),
                        l.total().userPayments()))
                .toList();
        GrantVariance.Result result = GrantVariance.explain(
                new GrantVariance.Side(forecast.rules().asRules(), expected),
                new GrantVariance.Side(claim.rules(), claim.recipients()));
        audit.recordRead("claim.variance.read", "cost year " + costYear + " forecast " + forecastId);
        return new VarianceView(
                costYear,
                f.id,
                f.label,
                f.madeAt,
                claim.figures(),
                claim.claimFinal(),
                result.forecastGrant(),
                result.claimGrant(),
                result.difference(),
                result.parts().entrySet().stream()
                        .map(e -> new VarianceView.Part(e.getKey(), e.getValue()))
                        .toList());
    }

    private ClaimForecast find(int costYear, UUID id) {
        ClaimForecast f = entityManager.find(ClaimForecast.class, id);
        if (f == null || f.costYear != costYear) {
            throw new ProblemException(
                    ProblemType.NOT_FOUND,
                    "no forecast " + id + " for the costs of " + costYear + " in your municipality");
        }
        return f;
    }

    private EstimateView read(ClaimForecast f) {
        try {
            return json.readValue(f.snapshot, EstimateView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("forecast " + f.id + " cannot be read", e);
        }
    }

    private static ForecastView view(ClaimForecast f, EstimateView estimate, boolean whole) {
        BigDecimal grant = estimate.totals().grant();
        return new ForecastView(
                f.id, f.costYear, f.label, f.madeAt, f.madeBy, f.snapshotSha256, grant, whole ? estimate : null);
    }
}
