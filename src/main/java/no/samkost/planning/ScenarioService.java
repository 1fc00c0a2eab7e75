package no.samkost.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.planning.ScenarioDtos.AnnualCost;
import no.samkost.planning.ScenarioDtos.FormShare;
import no.samkost.planning.ScenarioDtos.JointServiceMove;
import no.samkost.planning.ScenarioDtos.Parameters;
import no.samkost.planning.ScenarioDtos.Saving;
import no.samkost.planning.ScenarioDtos.ScenarioChange;
import no.samkost.planning.ScenarioDtos.ScenarioInput;
import no.samkost.planning.ScenarioDtos.ScenarioView;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The caller's scenarios: named assumptions for the projection, checked as a whole before they
 * are stored, changed only from the version read, and audited.
 */
@ApplicationScoped
@Transactional
public class ScenarioService {

    /** More than this is not planning but clutter; a municipality deletes old ones. */
    static final int MAX_SCENARIOS = 200;

    private static final String CREATE = "planning.scenarios.create";

    private final EntityManager entityManager;
    private final IdempotentRequests idempotency;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public ScenarioService(
            EntityManager entityManager,
            IdempotentRequests idempotency,
            ObjectMapper json,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.entityManager = entityManager;
        this.idempotency = idempotency;
        this.json = json;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    public record Created(ScenarioView scenario, boolean replayed) {}

    public Created create(ScenarioInput input, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent()) {
            Optional<ScenarioView> earlier =
                    idempotency.earlierResponse(CREATE, idempotencyKey.get(), input, ScenarioView.class);
            if (earlier.isPresent()) {
                audit.record("planning.scenario.create.replayed", earlier.get().id());
                return new Created(earlier.get(), true);
            }
        }
        String name = checked(input);
        lockScenarios();
        if (count() >= MAX_SCENARIOS) {
            throw new ProblemException(
                    ProblemType.CONFLICT, "a municipality keeps at most " + MAX_SCENARIOS + " scenarios; delete one");
        }
        requireFreeName(name, null);
        Instant now = clock.instant();
        Scenario scenario = new Scenario(now, current.subject());
        apply(scenario, input, name, now);
        entityManager.persist(scenario);
        entityManager.flush();
        ScenarioView view = view(scenario);
        idempotencyKey.ifPresent(key -> idempotency.remember(CREATE, key, input, view));
        audit.record("planning.scenario.create", scenario.id + " " + name);
        return new Created(view, false);
    }

    public List<ScenarioView> list() {
        List<ScenarioView> all =
                entityManager.createQuery("from Scenario order by name", Scenario.class).getResultList().stream()
                        .map(this::view)
                        .toList();
        audit.recordRead("planning.scenario.list", all.size() + " scenarios");
        return all;
    }

    public ScenarioView get(UUID id) {
        ScenarioView view = view(existing(id));
        audit.recordRead("planning.scenario.read", id.toString());
        return view;
    }

    public ScenarioView update(UUID id, ScenarioChange input) {
        String name = checked(input);
        Scenario scenario = existing(id);
        if (scenario.version != input.version()) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "scenario " + id + " is at version " + scenario.version + ", the change was based on version "
                            + input.version());
        }
        lockScenarios();
        requireFreeName(name, id);
        apply(scenario, input, name, clock.instant());
        // Flushed here so a concurrent change surfaces as a version conflict, not a commit failure.
        entityManager.flush();
        audit.record("planning.scenario.update", id + " " + name + " version " + scenario.version);
        return view(scenario);
    }

    public void delete(UUID id) {
        Scenario scenario = existing(id);
        entityManager.remove(scenario);
        entityManager.flush();
        audit.record("planning.scenario.delete", id + " " + scenario.name);
    }

    /** The stored scenario for a projection, with its lists read back. */
    Stored stored(UUID id) {
        Scenario s = existing(id);
        return new Stored(s, parameters(s));
    }

    record Stored(Scenario scenario, Parameters parameters) {}

    private void apply(Scenario scenario, ScenarioDtos.Assumptions input, String name, Instant now) {
        scenario.name = name;
        scenario.yearlyWageGrowth = input.yearlyWageGrowth();
        scenario.yearlyExtraStep = input.yearlyExtraStep().setScale(2);
        scenario.yearlyExitRate = input.yearlyExitRate();
        try {
            // Money in øre from here on, however many decimals (at most two) it came with.
            scenario.parameters = json.writeValueAsString(new Parameters(
                    input.annualCosts().stream()
                            .map(c -> new AnnualCost(
                                    c.housingForm(),
                                    c.baseLevel(),
                                    c.annualCost().setScale(2)))
                            .toList(),
                    input.formShares(),
                    input.moves().stream()
                            .map(m -> new JointServiceMove(
                                    m.fromYear(),
                                    m.housingForm(),
                                    m.residents(),
                                    m.annualCostPerPlace().setScale(2)))
                            .toList(),
                    input.savingsByYear().stream()
                            .map(v -> new Saving(v.year(), v.amount().setScale(2)))
                            .toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked scenario must serialise", e);
        }
        scenario.updatedAt = now;
        scenario.updatedBy = current.subject();
    }

    /**
     * What the bean constraints cannot see: one cost per form and level, every form (and the unknown
     * one) priced without a level, shares of distinct forms summing to 1, a saving per year at most
     * once. Returns the name as stored (stripped).
     */
    static String checked(ScenarioDtos.Assumptions input) {
        String name = input.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.invalidField("name", "a name of 1 to 100 characters");
        }
        Set<String> costKeys = new HashSet<>();
        List<AnnualCost> costs = input.annualCosts();
        for (int i = 0; i < costs.size(); i++) {
            AnnualCost c = costs.get(i);
            if (c.housingForm() == null && c.baseLevel() != null) {
                throw ProblemException.invalidField(
                        "annualCosts[" + i + "].baseLevel", "a base level belongs to a housing form; give housingForm");
            }
            if (!costKeys.add(c.housingForm() + "/" + c.baseLevel())) {
                throw ProblemException.invalidField(
                        "annualCosts[" + i + "]", "a second cost for the same housing form and base level");
            }
        }
        for (Integer form : java.util.Arrays.asList(1, 2, 3, 4, 5, null)) {
            if (!costKeys.contains(form + "/null")) {
                throw ProblemException.invalidField(
                        "annualCosts",
                        form == null
                                ? "needs the cost of a resident whose form is not known (no housingForm, no baseLevel)"
                                : "needs a cost for housing form " + form + " without a base level");
            }
        }
        List<FormShare> shares = input.formShares();
        if (!shares.isEmpty()) {
            Set<Integer> forms = new HashSet<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < shares.size(); i++) {
                if (!forms.add(shares.get(i).housingForm())) {
                    throw ProblemException.invalidField(
                            "newResidentForms[" + i + "].housingForm", "each housing form at most once");
                }
                sum = sum.add(shares.get(i).share());
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw ProblemException.invalidField("newResidentForms", "the shares must sum to 1, not " + sum);
            }
        }
        Set<Integer> years = new HashSet<>();
        List<Saving> savings = input.savingsByYear();
        for (int i = 0; i < savings.size(); i++) {
            if (!years.add(savings.get(i).year())) {
                throw ProblemException.invalidField("savings[" + i + "].year", "each year at most once");
            }
        }
        return name;
    }

    /**
     * One create or rename of the caller's scenarios at a time: the count and the name are checked,
     * then written, and two at once would both pass the check (the outside attack's 60 parallel
     * creates left 54 scenarios).
     */
    private void lockScenarios() {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended('scenarios:'"
                        + " || current_setting('app.municipality', true), 0))")
                .getSingleResult();
    }

    private void requireFreeName(String name, UUID except) {
        List<UUID> holders = entityManager
                .createQuery("select s.id from Scenario s where s.name = :name", UUID.class)
                .setParameter("name", name)
                .getResultList();
        if (holders.stream().anyMatch(h -> !h.equals(except))) {
            throw new ProblemException(ProblemType.CONFLICT, "a scenario named '" + name + "' already exists");
        }
    }

    private long count() {
        return entityManager
                .createQuery("select count(s) from Scenario s", Long.class)
                .getSingleResult();
    }

    private Scenario existing(UUID id) {
        Scenario s = entityManager.find(Scenario.class, id);
        if (s == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no scenario " + id + " in your municipality");
        }
        return s;
    }

    private Parameters parameters(Scenario s) {
        try {
            return json.readValue(s.parameters, Parameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scenario " + s.id + " holds parameters it cannot read", e);
        }
    }

    private ScenarioView view(Scenario s) {
        Parameters p = parameters(s);
        List<AnnualCost> costs = new ArrayList<>(p.annualCosts());
        costs.sort(Comparator.comparing((AnnualCost c) -> c.housingForm() == null ? 6 : c.housingForm())
                .thenComparing(c -> c.baseLevel() == null ? -1 : c.baseLevel().ordinal()));
        List<JointServiceMove> moves = p.jointServiceMoves();
        return new ScenarioView(
                s.id.toString(),
                s.name,
                s.yearlyWageGrowth,
                s.yearlyExtraStep,
                s.yearlyExitRate,
                List.copyOf(costs),
                p.newResidentForms(),
                moves,
                p.savings().stream().sorted(Comparator.comparing(Saving::year)).toList(),
                s.version,
                s.updatedAt,
                s.updatedBy);
    }
}
