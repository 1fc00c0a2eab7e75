package no.samkost.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samkost.cooperation.JointCosts;
import no.samkost.cooperation.JointServices;
import no.samkost.cooperation.PlacementDecisions;
import no.samkost.cooperation.Placements;
import no.samkost.cooperation.api.JointCostCategory;
import no.samkost.cooperation.api.NewJointCost;
import no.samkost.cooperation.api.NewJointService;
import no.samkost.cooperation.api.NewPlacement;
import no.samkost.cooperation.api.PlacementUsage;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.costs.CostImport;
import no.samkost.planning.BaseLevel;
import no.samkost.planning.HousingDtos.NewHousing;
import no.samkost.planning.HousingService;
import no.samkost.planning.NeedDtos.NewConversation;
import no.samkost.planning.NeedDtos.NewNeed;
import no.samkost.planning.NeedService;
import no.samkost.planning.ScenarioDtos.AnnualCost;
import no.samkost.planning.ScenarioDtos.FormShare;
import no.samkost.planning.ScenarioDtos.JointServiceMove;
import no.samkost.planning.ScenarioDtos.Saving;
import no.samkost.planning.ScenarioDtos.ScenarioInput;
import no.samkost.planning.ScenarioService;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.recipients.RecipientDtos.NewRecipient;
import no.samkost.recipients.RecipientService;
import no.samkost.recipients.UserGroup;
import no.samkost.reimbursement.ClaimEstimates;
import no.samkost.reimbursement.ClaimSubmissions;
import no.samkost.tenancy.ActingMunicipality;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Municipality;
import no.samkost.tenancy.MunicipalityRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo's data, loaded on the first start of the local demo (samkost.demo.enabled, which the
 * embedded-database run switches on): the 3K cooperation with a shared home of 4 places hosted by
 * Holmestrand, five recipients of the three members placed in it during 2023, three years of its
 * costs (2023-2025), and each member's own recipients and costs, so that the claims, the pooled
 * figures and the comparison show real numbers at once: under the sourced rules of grant year
 * 2024 and under grant years 2025 and 2026, whose missing values are projected. All of it
 * synthetic, written through the same services as requests (validation, walls, attribution, audit).
 * A start that finds a joint service in 3K already loads nothing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String COOPERATION = "3k";
    static final String SUBJECT = "samkost-demo-loader";

    /** One synthetic recipient: who, and their own monthly costs in 2023 (not the joint home's). */
    record DemoRecipient(
            String ref,
            int birthYear,
            boolean intellectualDisability,
            UserGroup group,
            String monthlyDirectWages,
            int fromMonth,
            String monthlyUserPayment,
            Placed placed) {}

    /** A placement in the shared home: the home's wished dates, and the usage the host confirms. */
    record Placed(LocalDate startsOn, LocalDate endsOn, String usageHoursPerWeek) {}

    static final Map<String, List<DemoRecipient>> RECIPIENTS = Map.of(
            "re",
            List.of(
                    new DemoRecipient(
                            "DEMO-RE-1",
                            1988,
                            true,
                            UserGroup.INTELLECTUAL_DISABILITY,
                            "95000.00",
                            1,
                            "3500.00",
                            new Placed(LocalDate.of(2023, 1, 1), null, "25")),
                    new DemoRecipient(
                            "DEMO-RE-2",
                            1995,
                            false,
                            UserGroup.MENTAL_HEALTH_SUBSTANCE,
                            "60000.00",
                            5,
                            null,
                            new Placed(LocalDate.of(2023, 5, 15), null, "15")),
                    new DemoRecipient("DEMO-RE-3", 1975, false, UserGroup.SOMATIC, "245000.00", 1, "3000.00", null)),
            "hof",
            List.of(
                    new DemoRecipient(
                            "DEMO-HOF-1",
                            1992,
                            true,
                            UserGroup.INTELLECTUAL_DISABILITY,
                            "150000.00",
                            1,
                            null,
                            new Placed(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), "30")),
                    new DemoRecipient(
                            "DEMO-HOF-2",
                            2001,
                            true,
                            UserGroup.INTELLECTUAL_DISABILITY,
                            "80000.00",
                            8,
                            "2500.00",
                            new Placed(LocalDate.of(2023, 8, 1), null, "20")),
                    new DemoRecipient("DEMO-HOF-3", 1950, false, UserGroup.SOMATIC, "160000.00", 1, null, null)),
            "holmestrand",
            List.of(
                    new DemoRecipient(
                            "DEMO-HOL-1",
                            1980,
                            false,
                            UserGroup.OTHER,
                            "90000.00",
                            2,
                            null,
                            new Placed(LocalDate.of(2023, 2, 1), null, "35")),
                    new DemoRecipient(
                            "DEMO-HOL-2", 1998, true, UserGroup.INTELLECTUAL_DISABILITY, "185000.00", 1, null, null)));

    /**
     * Sandefjord, in no cooperation: its own recipients, and its 2023 claim signed by the loader, so
     * that its auditor ({@code auditor-0706}) finds a claim to attest on the first start.
     */
    static final List<DemoRecipient> SANDEFJORD = List.of(
            new DemoRecipient(
                    "DEMO-SAN-1", 1990, true, UserGroup.INTELLECTUAL_DISABILITY, "210000.00", 1, "3000.00", null),
            new DemoRecipient("DEMO-SAN-2", 1984, false, UserGroup.SOMATIC, "175000.00", 3, null, null));

    /** A youth in a member's future-needs register, with what the family said in each conversation. */
    record DemoNeed(String ref, int birthYear, UserGroup group, List<DemoConversation> conversations) {}

    /** One conversation: its day and the answers (null: not known, or not said). */
    record DemoConversation(
            LocalDate heldOn,
            Integer expectedMoveOutYear,
            Integer housingForm,
            BaseLevel baseLevel,
            String hoursPerWeekMin,
            String hoursPerWeekMax) {}

    /**
     * Each 3K member's register: youths aged 14-17 in 2026 with move-outs 2027-2031, some talked
     * with twice, so the history shows a changed answer.
     */
    static final Map<String, List<DemoNeed>> NEEDS = Map.of(
            "re",
            List.of(
                    new DemoNeed(
                            "DEMO-UNG-RE-1",
                            2009,
                            UserGroup.INTELLECTUAL_DISABILITY,
                            List.of(
                                    new DemoConversation(
                                            LocalDate.of(2025, 3, 11), 2029, 4, BaseLevel.UTVIDET, "20", "30"),
                                    new DemoConversation(
                                            LocalDate.of(2026, 3, 10), 2028, 3, BaseLevel.UTVIDET, "15", "25"))),
                    new DemoNeed(
                            "DEMO-UNG-RE-2",
                            2011,
                            UserGroup.SOMATIC,
                            List.of(new DemoConversation(
                                    LocalDate.of(2026, 3, 12), 2031, 2, BaseLevel.BASIS, "6", null)))),
            "hof",
            List.of(
                    new DemoNeed(
                            "DEMO-UNG-HOF-1",
                            2010,
                            UserGroup.INTELLECTUAL_DISABILITY,
                            List.of(new DemoConversation(
                                    LocalDate.of(2026, 4, 2), 2029, 4, BaseLevel.EKSTRA, "35", "40"))),
                    new DemoNeed(
                            "DEMO-UNG-HOF-2",
                            2012,
                            UserGroup.OTHER,
                            List.of(new DemoConversation(LocalDate.of(2026, 4, 3), null, 1, null, null, null)))),
            "holmestrand",
            List.of(
                    new DemoNeed(
                            "DEMO-UNG-HOL-1",
                            2009,
                            UserGroup.MENTAL_HEALTH_SUBSTANCE,
                            List.of(
                                    new DemoConversation(
                                            LocalDate.of(2025, 2, 20), 2027, 5, BaseLevel.EKSTRA, "40", null),
                                    new DemoConversation(
                                            LocalDate.of(2026, 2, 19), 2027, 4, BaseLevel.EKSTRA, "30", "40"))),
                    new DemoNeed(
                            "DEMO-UNG-HOL-2",
                            2010,
                            UserGroup.INTELLECTUAL_DISABILITY,
                            List.of(new DemoConversation(
                                    LocalDate.of(2026, 2, 20), 2030, 3, BaseLevel.PLUSS, "10", "12")))));

    /** Where the demo's recipients live: housing form and base level from a day on. */
    record DemoHousing(String ref, LocalDate validFrom, int housingForm, BaseLevel baseLevel) {}

    static final Map<String, List<DemoHousing>> HOUSING = Map.of(
            "re",
            List.of(
                    new DemoHousing("DEMO-RE-1", LocalDate.of(2023, 1, 1), 4, BaseLevel.UTVIDET),
                    new DemoHousing("DEMO-RE-2", LocalDate.of(2023, 5, 15), 4, BaseLevel.UTVIDET),
                    new DemoHousing("DEMO-RE-3", LocalDate.of(2020, 1, 1), 5, BaseLevel.EKSTRA)),
            "hof",
            List.of(
                    new DemoHousing("DEMO-HOF-1", LocalDate.of(2023, 1, 1), 4, BaseLevel.UTVIDET),
                    new DemoHousing("DEMO-HOF-1", LocalDate.of(2023, 7, 1), 3, BaseLevel.BASIS),
                    new DemoHousing("DEMO-HOF-2", LocalDate.of(2023, 8, 1), 4, BaseLevel.UTVIDET),
                    new DemoHousing("DEMO-HOF-3", LocalDate.of(2019, 1, 1), 2, BaseLevel.BASIS)),
            "holmestrand",
            List.of(
                    new DemoHousing("DEMO-HOL-1", LocalDate.of(2023, 2, 1), 4, BaseLevel.UTVIDET),
                    new DemoHousing("DEMO-HOL-2", LocalDate.of(2021, 1, 1), 5, BaseLevel.EKSTRA)));

    static final String HOME_NAME = "Bofellesskapet Solsiden (demo)";

    /**
     * What a resident costs a year in each housing form (this year's prices), as the two demo
     * scenarios assume it; the first list is "continue as now", the second "new ways of working",
     * where a base lets forms 3 and 4 be staffed more lightly.
     */
    static List<AnnualCost> demoCosts(boolean newWays) {
        return List.of(
                new AnnualCost(1, null, new BigDecimal("900000.00")),
                new AnnualCost(2, null, new BigDecimal("1300000.00")),
                new AnnualCost(3, null, new BigDecimal(newWays ? "1700000.00" : "1800000.00")),
                new AnnualCost(4, null, new BigDecimal(newWays ? "2500000.00" : "2700000.00")),
                new AnnualCost(4, BaseLevel.EKSTRA, new BigDecimal("3200000.00")),
                new AnnualCost(5, null, new BigDecimal("4300000.00")),
                new AnnualCost(null, null, new BigDecimal("2500000.00")));
    }

    /**
     * The two scenarios each member starts with. "Nye måter å jobbe på": new residents mostly in
     * forms 1-3 with a base, one resident of form 5 served in the joint service from next year, and
     * savings measures growing to 700 000 a year.
     */
    List<ScenarioInput> demoScenarios(int thisYear) {
        List<Saving> savings = new java.util.ArrayList<>();
        for (int year = thisYear + 1; year <= thisYear + 10; year++) {
            savings.add(new Saving(year, new BigDecimal(year == thisYear + 1 ? "300000.00" : "700000.00")));
        }
        BigDecimal growth = new BigDecimal("0.04");
        BigDecimal exit = new BigDecimal("0.02");
        return List.of(
                new ScenarioInput(
                        "Fortsette som nå",
                        growth,
                        BigDecimal.ZERO,
                        exit,
                        demoCosts(false),
                        List.of(),
                        List.of(),
                        List.of()),
                new ScenarioInput(
                        "Nye måter å jobbe på",
                        growth,
                        BigDecimal.ZERO,
                        exit,
                        demoCosts(true),
                        List.of(
                                new FormShare(1, new BigDecimal("0.20")),
                                new FormShare(2, new BigDecimal("0.30")),
                                new FormShare(3, new BigDecimal("0.35")),
                                new FormShare(4, new BigDecimal("0.15"))),
                        List.of(new JointServiceMove(thisYear + 1, 5, 1, new BigDecimal("3600000.00"))),
                        savings));
    }

    /**
     * The years of booked costs: the shared home's monthly direct wages and shared costs, and the
     * factor on each recipient's own 2023 monthly wages (4 % a year, to øre). From 2024 the four
     * placements in the home all run the whole year (25 + 15 + 20 + 35 = 95 hours a week), and the
     * wages are chosen to divide by 95 (7 000 and 7 300 an hour-share), so the attributed parts are
     * whole kroner that a reader can check by hand: Re's 2024 claim in KeycloakEndToEndIT.
     */
    record DemoYear(int year, String monthlyDirectWages, String monthlyShared, String ownWageFactor) {}

    static final List<DemoYear> YEARS = List.of(
            new DemoYear(2023, "640000.00", "135000.00", "1"),
            new DemoYear(2024, "665000.00", "140400.00", "1.04"),
            new DemoYear(2025, "693500.00", "146016.00", "1.0816"));

    private final boolean enabled;
    private final MunicipalityRegistry registry;
    private final ActingMunicipality acting;
    private final RecipientService recipients;
    private final RecipientDirectory directory;
    private final CostImport costs;
    private final JointServices services;
    private final Placements placements;
    private final PlacementDecisions decisions;
    private final JointCosts jointCosts;
    private final ClaimSubmissions submissions;
    private final ClaimEstimates estimates;
    private final NeedService needs;
    private final HousingService housing;
    private final ScenarioService scenarios;
    private final Clock clock;

    public DemoData(
            @ConfigProperty(name = "samkost.demo.enabled", defaultValue = "false") boolean enabled,
            MunicipalityRegistry registry,
            ActingMunicipality acting,
            RecipientService recipients,
            RecipientDirectory directory,
            CostImport costs,
            JointServices services,
            Placements placements,
            PlacementDecisions decisions,
            JointCosts jointCosts,
            ClaimSubmissions submissions,
            ClaimEstimates estimates,
            NeedService needs,
            HousingService housing,
            ScenarioService scenarios,
            Clock clock) {
        this.enabled = enabled;
        this.registry = registry;
        this.acting = acting;
        this.recipients = recipients;
        this.directory = directory;
        this.costs = costs;
        this.services = services;
        this.placements = placements;
        this.decisions = decisions;
        this.jointCosts = jointCosts;
        this.submissions = submissions;
        this.estimates = estimates;
        this.needs = needs;
        this.housing = housing;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws InterruptedException {
        if (!enabled) {
            return;
        }
        // Quarkus runs start-up observers inside a request context; the loader needs requests of
        // its own (one identity each), so it runs on its own thread, and start-up waits for it.
        RuntimeException[] failure = {null};
        Thread loader = new Thread(
                () -> {
                    try {
                        load();
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    }
                },
                "samkost-demo-loader");
        loader.start();
        loader.join();
        if (failure[0] != null) {
            throw new IllegalStateException("loading the demo data failed", failure[0]);
        }
    }

    void load() {
        Optional<Cooperation> threeK = registry.all().stream()
                .filter(m -> m.id().equals("holmestrand"))
                .findFirst()
                .flatMap(host -> registry.cooperationsOf(host).stream()
                        .filter(c -> c.id().equals(COOPERATION))
                        .findFirst());
        if (threeK.isEmpty() || !threeK.get().members().containsAll(RECIPIENTS.keySet())) {
            LOG.info("demo data skipped: these tenant files have no 3k cooperation of re, hof and holmestrand");
            return;
        }
        Cooperation c = threeK.get();
        Municipality host = municipality(c.host());
        boolean[] loaded = {false};
        acting.run(host, SUBJECT, () -> loaded[0] = !services.list(COOPERATION).isEmpty());
        if (loaded[0]) {
            LOG.info("demo data already loaded (3k has a joint service)");
            return;
        }
        boolean[] partly = {false};
        RECIPIENTS.forEach((tenant, list) -> acting.run(
                municipality(tenant),
                SUBJECT,
                () -> partly[0] |= QuarkusTransaction.requiringNew().call(() -> list.stream()
                        .anyMatch(r -> directory.idOf(r.ref()).isPresent()))));
        if (partly[0]) {
            LOG.warn("demo data skipped: demo recipients exist but 3k has no joint service (an earlier load stopped"
                    + " half-way?); delete the data directory to load the demo afresh");
            return;
        }
        long started = System.nanoTime();
        RECIPIENTS.forEach((tenant, list) ->
                acting.run(municipality(tenant), SUBJECT, () -> YEARS.forEach(y -> ownData(list, y))));
        UUID[] home = new UUID[1];
        acting.run(
                host,
                SUBJECT,
                () -> home[0] = services.create(
                                COOPERATION,
                                new NewJointService(HOME_NAME, JointServiceKind.SHARED_HOME, 4),
                                Optional.empty())
                        .service()
                        .id());
        // Each home requests its places; the host confirms each with the usage it provides.
        Map<UUID, BigDecimal> requested = new LinkedHashMap<>();
        RECIPIENTS.forEach((tenant, list) -> acting.run(municipality(tenant), SUBJECT, () -> list.stream()
                .filter(r -> r.placed() != null)
                .forEach(r -> requested.put(
                        placements
                                .request(
                                        COOPERATION,
                                        home[0],
                                        new NewPlacement(
                                                r.ref(),
                                                r.placed().startsOn(),
                                                r.placed().endsOn()),
                                        Optional.empty())
                                .placement()
                                .id(),
                        new BigDecimal(r.placed().usageHoursPerWeek())))));
        acting.run(
                host,
                SUBJECT,
                () -> requested.forEach((placement, usage) ->
                        decisions.confirm(COOPERATION, home[0], placement, new PlacementUsage(usage, 0L))));
        acting.run(host, SUBJECT, () -> {
            for (DemoYear y : YEARS) {
                for (int month = 1; month <= 12; month++) {
                    String period = String.format("%d-%02d", y.year(), month);
                    jointCosts.add(
                            COOPERATION,
                            home[0],
                            new NewJointCost(
                                    period,
                                    JointCostCategory.DIRECT_WAGES,
                                    new BigDecimal(y.monthlyDirectWages()),
                                    null),
                            Optional.empty());
                    jointCosts.add(
                            COOPERATION,
                            home[0],
                            new NewJointCost(period, JointCostCategory.SHARED, new BigDecimal(y.monthlyShared()), null),
                            Optional.empty());
                }
            }
        });
        registry.byId("re").ifPresent(re -> acting.run(re, SUBJECT, () -> runningYear(RECIPIENTS.get("re"))));
        RECIPIENTS.keySet().forEach(tenant -> acting.run(municipality(tenant), SUBJECT, () -> planning(tenant)));
        registry.byId("sandefjord")
                .ifPresent(sandefjord -> acting.run(sandefjord, SUBJECT, () -> {
                    ownData(SANDEFJORD, YEARS.get(0));
                    submissions.submit(2023, Optional.empty());
                }));
        LOG.infof(
                "demo data loaded in %d ms: 3k's shared home hosted by %s, %d placements, claims and pooled figures"
                        + " for the costs of 2023 to 2025, Re's running year with two forecasts",
                (System.nanoTime() - started) / 1_000_000,
                host.code(),
                RECIPIENTS.values().stream()
                        .flatMap(List::stream)
                        .filter(r -> r.placed() != null)
                        .count());
    }

    /**
     * Re's running cost year, so that the estimate and its forecasts show something at once: its
     * recipients' own wages are booked up to two months before this one (what a payroll run has
     * reached), a forecast is saved after April and after August as the tertial reports would be,
     * and the picture changes between them: from May the wages rise by 5 %, and the second
     * recipient's last month is June.
     */
    private void runningYear(List<DemoRecipient> list) {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Oslo")));
        int year = today.getYear();
        int last = Math.max(1, today.getMonthValue() - 2);
        bookRunningYear(list, year, 1, Math.min(4, last));
        if (last >= 4) {
            estimates.saveForecast(year, "1. tertial " + year);
        }
        bookRunningYear(list, year, 5, Math.min(8, last));
        if (last >= 8) {
            estimates.saveForecast(year, "2. tertial " + year);
        }
        bookRunningYear(list, year, 9, last);
    }

    /** A member's register with its conversations, where its recipients live, and its two scenarios. */
    private void planning(String tenant) {
        for (DemoNeed n : NEEDS.get(tenant)) {
            needs.create(new NewNeed(n.ref(), n.birthYear(), n.group()), Optional.empty());
            for (DemoConversation c : n.conversations()) {
                needs.addConversation(
                        n.ref(),
                        new NewConversation(
                                c.heldOn(),
                                c.expectedMoveOutYear(),
                                c.housingForm(),
                                c.baseLevel(),
                                c.hoursPerWeekMin() == null ? null : new BigDecimal(c.hoursPerWeekMin()),
                                c.hoursPerWeekMax() == null ? null : new BigDecimal(c.hoursPerWeekMax())));
            }
        }
        for (DemoHousing h : HOUSING.get(tenant)) {
            housing.add(h.ref(), new NewHousing(h.validFrom(), h.housingForm(), h.baseLevel()));
        }
        int thisYear = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Oslo")))
                .getYear();
        demoScenarios(thisYear).forEach(s -> scenarios.create(s, Optional.empty()));
    }

    private void bookRunningYear(List<DemoRecipient> list, int year, int from, int to) {
        if (from > to) {
            return;
        }
        StringBuilder csv = new StringBuilder(CostImport.HEADER).append('\n');
        for (int i = 0; i < list.size(); i++) {
            DemoRecipient r = list.get(i);
            for (int month = from; month <= to; month++) {
                if (i == 1 && month > 6) {
                    continue; // the second recipient's last month is June
                }
                BigDecimal wages = new BigDecimal(r.monthlyDirectWages());
                if (month >= 5) {
                    wages = wages.multiply(new BigDecimal("1.05")).setScale(2, java.math.RoundingMode.HALF_UP);
                }
                csv.append(r.ref())
                        .append(',')
                        .append(String.format("%d-%02d", year, month))
                        .append(",DIRECT_WAGES,")
                        .append(wages.toPlainString())
                        .append(",demo\n");
            }
        }
        costs.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), Optional.empty());
    }

    /**
     * The recipients' own lines of a year (and in the first year the recipients themselves): from
     * their first month in 2023, every month after; wages grown by the year's factor, to øre.
     */
    private void ownData(List<DemoRecipient> list, DemoYear y) {
        boolean first = y.year() == YEARS.get(0).year();
        StringBuilder csv = new StringBuilder(CostImport.HEADER).append('\n');
        for (DemoRecipient r : list) {
            if (first) {
                recipients.create(
                        new NewRecipient(r.ref(), r.birthYear(), r.intellectualDisability(), r.group()),
                        Optional.empty());
            }
            BigDecimal wages = new BigDecimal(r.monthlyDirectWages())
                    .multiply(new BigDecimal(y.ownWageFactor()))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            for (int month = first ? r.fromMonth() : 1; month <= 12; month++) {
                String period = String.format("%d-%02d", y.year(), month);
                csv.append(r.ref())
                        .append(',')
                        .append(period)
                        .append(",DIRECT_WAGES,")
                        .append(wages.toPlainString())
                        .append(",demo\n");
                if (r.monthlyUserPayment() != null) {
                    csv.append(r.ref())
                            .append(',')
                            .append(period)
                            .append(",USER_PAYMENT,")
                            .append(r.monthlyUserPayment())
                            .append(",demo\n");
                }
            }
        }
        costs.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), Optional.empty());
    }

    private Municipality municipality(String tenantId) {
        return registry.byId(tenantId).orElseThrow();
    }
}
