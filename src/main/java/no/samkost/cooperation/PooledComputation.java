package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.PooledNote;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.cooperation.calculation.Agreement;
import no.samkost.cooperation.calculation.CostSplit;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.MemberMeasures;
import no.samkost.cooperation.calculation.SmallNumbers;
import no.samkost.cooperation.calculation.SplitKey;
import no.samkost.cooperation.calculation.SplitMeasure;
import no.samkost.cooperation.persistence.JointCostRows;
import no.samkost.cooperation.persistence.JointServiceRows;
import no.samkost.cooperation.persistence.LedgerRows;
import no.samkost.cooperation.persistence.PlacedRecipientRow;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientGrant;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.reimbursement.calculation.ValueStatus;
import no.samkost.tenancy.ConsistentSnapshot;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Municipality;

/**
 * The figures behind {@link PooledFigures} and {@link CostComparison}, in named steps: the year's
 * rules, the host's year (services, placements, shared costs, direct wages), the split of the
 * shared costs pool by pool, and each member's year in its own rows. Each member's part is
 * computed inside that member's own rows and leaves as sums and per-recipient figures that never
 * leave this module's computation (no ref, no id). All steps read one snapshot.
 */
@ApplicationScoped
class PooledComputation {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private final ConsistentSnapshot snapshot;
    private final Cooperations cooperations;
    private final JointServiceRows services;
    private final PlacementRows placements;
    private final JointCostRows costs;
    private final LedgerRows ledgers;
    private final MemberAudit memberAudit;
    private final RuleBook rules;

    PooledComputation(
            ConsistentSnapshot snapshot,
            Cooperations cooperations,
            JointServiceRows services,
            PlacementRows placements,
            JointCostRows costs,
            LedgerRows ledgers,
            MemberAudit memberAudit,
            RuleBook rules) {
        this.snapshot = snapshot;
        this.cooperations = cooperations;
        this.services = services;
        this.placements = placements;
        this.costs = costs;
        this.ledgers = ledgers;
        this.memberAudit = memberAudit;
        this.rules = rules;
    }

    /** A cost year: its first and last day. */
    record CostYear(int year, LocalDate first, LocalDate last) {
        static CostYear of(int year) {
            return new CostYear(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }

        long daysOf(PlacementSlot p) {
            return p.period().daysWithin(first, last);
        }
    }

    /** The host's rows for the year: which kind each service is, the placements in the year, the costs. */
    record HostYear(
            Map<UUID, JointServiceKind> kindOf,
            List<PlacementSlot> placementsInYear,
            Map<JointServiceKind, BigDecimal> sharedCosts,
            BigDecimal directWages) {}

    /**
     * The shared costs split among the members, by municipality code, with what the split rests on;
     * {@code restsOnRecipients}: some pool with costs is split by a key that weighs a recipient measure.
     */
    record SharedSplit(
            Map<String, BigDecimal> shareByCode, BigDecimal total, List<PooledNote> notes, boolean restsOnRecipients) {}

    /** A placed recipient inside its home's computation; never leaves this module. */
    record PlacedRecipient(RecipientYear year, BigDecimal attributed, BigDecimal grant, boolean known) {}

    /** One member's year: its placements' days, its placed recipients' figures, its share of the shared costs. */
    record MemberYear(
            Municipality municipality, long placementDays, List<PlacedRecipient> recipients, BigDecimal sharedShare) {

        int placedRecipients() {
            return recipients.size();
        }

        BigDecimal attributed() {
            return recipients.stream().map(PlacedRecipient::attributed).reduce(ZERO, BigDecimal::add);
        }

        BigDecimal expectedGrant() {
            return recipients.stream().map(PlacedRecipient::grant).reduce(ZERO, BigDecimal::add);
        }

        BigDecimal netCost() {
            return attributed().add(sharedShare).subtract(expectedGrant());
        }
    }

    /**
     * Everything the pooled figures and the comparison show, members in code order, and what of it
     * the caller may not see about the other members (the same for both answers).
     */
    record Pooled(
            GrantRules rules,
            List<MemberYear> members,
            BigDecimal sharedCosts,
            List<PooledNote> notes,
            SmallNumbers.Hidden hidden) {

        /** The hidden cells of an answer with these member fields (and the totals, if it has them). */
        List<SuppressedCell> suppressed(List<String> memberFields, boolean withTotals) {
            return hidden
                    .cells(members.stream().map(m -> m.municipality().code()).toList(), memberFields, withTotals)
                    .stream()
                    .map(cell -> new SuppressedCell(cell.municipality(), cell.field(), cell.reason()))
                    .toList();
        }
    }

    /**
     * Figures added up from many statements in several members' rows: all of them read one
     * snapshot (see {@link ConsistentSnapshot}), so a re-attribution that commits meanwhile is in
     * all of them or in none. Must be the transaction's first database work.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Pooled compute(Cooperation c, int costYear) {
        snapshot.begin();
        CostYear year = CostYear.of(costYear);
        GrantRules yearRules = rulesFor(costYear);
        List<PooledNote> notes = new ArrayList<>(rulesNotes(yearRules, costYear + 1));
        HostYear host = hostYear(c, year);
        SharedSplit split = splitSharedCosts(c, year, host);
        notes.addAll(split.notes());
        List<MemberYear> members = c.members().stream()
                .sorted(Comparator.comparing(cooperations::codeOf))
                .map(member -> memberYear(c, member, year, yearRules, host, split))
                .toList();
        boolean callerHosts = cooperations.callerHosts(c);
        notes.addAll(attributionNotes(
                year, host, members, callerHosts, cooperations.caller().code()));
        return new Pooled(yearRules, members, split.total(), notes, hidden(c, members, split));
    }

    /**
     * The small-number rule for the caller: the one place where the hidden set of the pooled
     * figures and of the comparison is decided, so both hide exactly the same rows.
     */
    private SmallNumbers.Hidden hidden(Cooperation c, List<MemberYear> members, SharedSplit split) {
        return SmallNumbers.hide(
                cooperations.caller().code(),
                cooperations.agreement(c).minimumCellSize(),
                members.stream()
                        .map(m -> new SmallNumbers.Member(m.municipality().code(), m.placedRecipients()))
                        .toList(),
                split.restsOnRecipients());
    }

    /** The rules of grant year costYear + 1, which the expected grants for the costs of costYear use. */
    private GrantRules rulesFor(int costYear) {
        int grantYear = costYear + 1;
        return rules.forGrantYear(grantYear)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no rules for grant year " + grantYear + " (costs of " + costYear
                                + "): the expected grants for the costs of " + costYear + " use the circular IS-4/"
                                + grantYear));
    }

    private static List<PooledNote> rulesNotes(GrantRules yearRules, int grantYear) {
        return yearRules.fullyVerified()
                ? List.of()
                : List.of(new PooledNote.UnverifiedRules(
                        grantYear,
                        yearRules.unverifiedParameters(),
                        yearRules.unverifiedParameters().stream()
                                .filter(p -> yearRules.statusOf(p) == ValueStatus.PROJECTED)
                                .toList()));
    }

    /** In the host's rows: the services, every placement in them within the year, the year's costs. */
    private HostYear hostYear(Cooperation c, CostYear year) {
        List<ServiceRow> all = services.all(c, c.host());
        Map<UUID, JointServiceKind> kindOf = new HashMap<>();
        all.forEach(s -> kindOf.put(s.id(), s.kind()));
        List<PlacementSlot> inYear =
                placements
                        .slotsAsHost(
                                c, c.host(), all.stream().map(ServiceRow::id).toList())
                        .stream()
                        .filter(p -> year.daysOf(p) > 0)
                        .toList();
        return new HostYear(
                kindOf,
                inYear,
                costs.sharedCostsByKind(c, c.host(), year.year()),
                costs.directWagesOfYear(c, c.host(), year.year()));
    }

    /** Pool by pool (a pool is a kind of joint service), by the agreement's key for the pool. */
    private SharedSplit splitSharedCosts(Cooperation c, CostYear year, HostYear host) {
        Agreement agreement = cooperations.agreement(c);
        Map<String, BigDecimal> shares = new HashMap<>();
        BigDecimal total = ZERO;
        List<PooledNote> notes = new ArrayList<>();
        boolean restsOnRecipients = false;
        for (Map.Entry<JointServiceKind, BigDecimal> pool : host.sharedCosts().entrySet()) {
            SplitKey key = agreement.splitFor(pool.getKey());
            restsOnRecipients |= pool.getValue().signum() != 0 && key.restsOnRecipients();
            List<PlacementSlot> inPool = host.placementsInYear().stream()
                    .filter(p -> host.kindOf().get(p.serviceId()) == pool.getKey())
                    .toList();
            List<MemberMeasures> measures = c.members().stream()
                    .map(member -> measures(c, member, key, year, inPool))
                    .toList();
            CostSplit.Result split = CostSplit.split(pool.getValue(), key, measures);
            split.shares().forEach(s -> shares.merge(s.municipality(), s.share(), BigDecimal::add));
            total = total.add(pool.getValue());
            notes.add(new PooledNote.SharedCostsSplit(pool.getKey(), pool.getValue(), key));
            for (SplitMeasure missing : split.measuresWithoutBasis()) {
                notes.add(new PooledNote.MeasureWithoutBasis(missing, pool.getKey(), year.year()));
            }
        }
        return new SharedSplit(shares, total, notes, restsOnRecipients);
    }

    /** A member's measures for one pool's key: population (only if the key uses it), placements, days, usage. */
    private MemberMeasures measures(
            Cooperation c, String memberId, SplitKey key, CostYear year, List<PlacementSlot> inPool) {
        Municipality m = cooperations.municipality(memberId);
        long population = 0;
        if (key.weights().containsKey(SplitMeasure.POPULATION)) {
            population = m.populationIn(year.year())
                    .orElseThrow(() -> new ProblemException(
                            ProblemType.AGREEMENT_INCOMPLETE,
                            "cooperation " + c.id() + " splits shared costs by population, but the tenant file of "
                                    + m.code() + " " + m.name() + " has no population for " + year.year()));
        }
        long placementCount = 0;
        long days = 0;
        BigDecimal usage = BigDecimal.ZERO;
        for (PlacementSlot p : inPool) {
            if (p.homeId().equals(memberId)) {
                long d = year.daysOf(p);
                placementCount++;
                days += d;
                usage = usage.add(p.usageHoursPerWeek().multiply(BigDecimal.valueOf(d)));
            }
        }
        return new MemberMeasures(m.code(), population, placementCount, days, usage);
    }

    /**
     * In the member's own rows: its placed recipients' figures and grants. Reading another
     * member's claim figures is recorded in that member's audit trail.
     */
    private MemberYear memberYear(
            Cooperation c, String memberId, CostYear year, GrantRules yearRules, HostYear host, SharedSplit split) {
        Municipality municipality = cooperations.municipality(memberId);
        List<PlacementSlot> own = host.placementsInYear().stream()
                .filter(p -> p.homeId().equals(memberId))
                .toList();
        long days = own.stream().mapToLong(year::daysOf).sum();
        List<PlacedRecipient> placed = own.isEmpty()
                ? List.of()
                : ledgers
                        .placedRecipients(
                                c, memberId, own.stream().map(PlacementSlot::id).toList(), year.year())
                        .stream()
                        .map(r -> withGrant(r, yearRules))
                        .toList();
        if (!placed.isEmpty() && !memberId.equals(cooperations.caller().id())) {
            memberAudit.record(
                    c,
                    memberId,
                    "cooperation.figures.read",
                    "claim figures of " + placed.size() + " placed recipients, aggregated for cooperation " + c.id()
                            + " cost year " + year.year() + " at the request of "
                            + cooperations.caller().code());
        }
        return new MemberYear(municipality, days, placed, split.shareByCode().getOrDefault(municipality.code(), ZERO));
    }

    /** The claim's calculation for one placed recipient. */
    private static PlacedRecipient withGrant(PlacedRecipientRow r, GrantRules yearRules) {
        RecipientYear year = new RecipientYear(
                "placed", // the ref stays home; the calculation only carries it
                r.birthYear(),
                r.intellectualDisability(),
                r.directWageCosts(),
                r.earmarkedGrants(),
                r.hostMunicipalityGrant(),
                r.userPayments());
        RecipientGrant g = GrantCalculator.calculate(yearRules, year);
        return new PlacedRecipient(year, r.attributed(), g.grant() == null ? ZERO : g.grant(), g.grant() != null);
    }

    /**
     * Wages of months with nobody placed (for the host only, which has the wages and every
     * placement's part in its attribution view anyway: to another member, the year's wages less
     * this note would be the attributed total, which the small-number rule may hide), and the
     * caller's own grants that could not be computed (other members' would tell that some of their
     * placed recipients' grants count as 0).
     */
    private static List<PooledNote> attributionNotes(
            CostYear year, HostYear host, List<MemberYear> members, boolean callerHosts, String callerCode) {
        List<PooledNote> notes = new ArrayList<>();
        BigDecimal attributed = members.stream().map(MemberYear::attributed).reduce(ZERO, BigDecimal::add);
        BigDecimal unattributed = host.directWages().subtract(attributed);
        if (callerHosts && unattributed.signum() != 0) {
            notes.add(new PooledNote.UnattributedWages(unattributed, year.year()));
        }
        long unknownGrants = members.stream()
                .filter(m -> m.municipality().code().equals(callerCode))
                .flatMap(m -> m.recipients().stream())
                .filter(r -> !r.known())
                .count();
        if (unknownGrants > 0) {
            notes.add(new PooledNote.UnknownOwnGrants(unknownGrants));
        }
        return notes;
    }
}
