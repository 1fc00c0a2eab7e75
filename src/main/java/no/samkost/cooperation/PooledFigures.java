package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.CooperationDtos.ComparisonMember;
import no.samkost.cooperation.CooperationDtos.ComparisonView;
import no.samkost.cooperation.CooperationDtos.PooledMember;
import no.samkost.cooperation.CooperationDtos.PooledTotals;
import no.samkost.cooperation.CooperationDtos.PooledView;
import no.samkost.cooperation.CooperationDtos.StandAloneView;
import no.samkost.cooperation.JointServices.PlacementSlot;
import no.samkost.cooperation.JointServices.ServiceRow;
import no.samkost.cooperation.calculation.Apportionment;
import no.samkost.cooperation.calculation.CostSplit;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.MemberMeasures;
import no.samkost.cooperation.calculation.PlacementPeriod;
import no.samkost.cooperation.calculation.SplitKey;
import no.samkost.cooperation.calculation.SplitMeasure;
import no.samkost.cooperation.calculation.StandAloneModel;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.calculation.GrantCalculator;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.reimbursement.calculation.RecipientGrant;
import no.samkost.reimbursement.calculation.RecipientYear;
import no.samkost.tenancy.ConsistentSnapshot;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;
import no.samkost.tenancy.Municipality;

/**
 * What the joint project group sees: per member and in total, aggregates only. Each member's part
 * is computed inside that member's own rows (its ledger and claim for its placed recipients) and
 * leaves as sums; no ref, no recipient id and no per-recipient figure is in the result.
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

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final Cooperations cooperations;
    private final JointServices services;
    private final MemberDatabaseAccess members;
    private final MemberAudit memberAudit;
    private final RuleBook rules;
    private final AuditTrail audit;
    private final ConsistentSnapshot snapshot;

    public PooledFigures(
            ConsistentSnapshot snapshot,
            Cooperations cooperations,
            JointServices services,
            MemberDatabaseAccess members,
            MemberAudit memberAudit,
            RuleBook rules,
            AuditTrail audit) {
        this.cooperations = cooperations;
        this.services = services;
        this.members = members;
        this.memberAudit = memberAudit;
        this.rules = rules;
        this.audit = audit;
        this.snapshot = snapshot;
    }

    /** A placed recipient inside its home's computation; never leaves this class. */
    private record PlacedRecipient(RecipientYear year, BigDecimal attributed, BigDecimal grant, boolean known) {}

    private record Member(
            Municipality municipality,
            int placedRecipients,
            long placementDays,
            BigDecimal attributed,
            BigDecimal sharedShare,
            BigDecimal expectedGrant,
            List<PlacedRecipient> recipients) {

        BigDecimal netCost() {
            return attributed.add(sharedShare).subtract(expectedGrant);
        }
    }

    private record Computed(GrantRules rules, List<Member> members, BigDecimal sharedCosts, List<String> notes) {}

    public PooledView pooled(String cooperationId, int costYear) {
        Cooperation c = cooperations.require(cooperationId);
        Computed computed = compute(c, costYear);
        List<PooledMember> rows = new ArrayList<>();
        int placed = 0;
        long days = 0;
        BigDecimal attributed = ZERO;
        BigDecimal grant = ZERO;
        BigDecimal net = ZERO;
        for (Member m : computed.members()) {
            rows.add(new PooledMember(
                    m.municipality().code(),
                    m.placedRecipients(),
                    m.placementDays(),
                    m.attributed(),
                    m.sharedShare(),
                    m.expectedGrant(),
                    m.netCost()));
            placed += m.placedRecipients();
            days += m.placementDays();
            attributed = attributed.add(m.attributed());
            grant = grant.add(m.expectedGrant());
            net = net.add(m.netCost());
        }
        audit.recordRead("cooperation.pooled.read", c.id() + " cost year " + costYear);
        return new PooledView(
                c.id(),
                costYear,
                costYear + 1,
                rows,
                new PooledTotals(placed, days, attributed, computed.sharedCosts(), grant, net),
                computed.notes());
    }

    /**
     * The pooled net cost beside running alone: a member with n placed recipients would pay the
     * agreement's fixed cost per year plus n x the variable cost, and each recipient's grant is
     * recomputed with its joint-service share replaced by its part of those costs (the fixed cost
     * shared equally among the member's recipients, to the øre).
     */
    public ComparisonView comparison(String cooperationId, int costYear) {
        Cooperation c = cooperations.require(cooperationId);
        Computed computed = compute(c, costYear);
        StandAloneModel model = c.agreement().standAlone();
        List<ComparisonMember> rows = new ArrayList<>();
        for (Member m : computed.members()) {
            int n = m.recipients().size();
            BigDecimal costs = n == 0
                    ? ZERO
                    : model.fixedCostPerYear()
                            .add(model.variableCostPerRecipient().multiply(BigDecimal.valueOf(n)));
            BigDecimal grant = ZERO;
            if (n > 0) {
                List<BigDecimal> fixedParts =
                        Apportionment.apportion(model.fixedCostPerYear(), Collections.nCopies(n, BigDecimal.ONE));
                for (int i = 0; i < n; i++) {
                    PlacedRecipient r = m.recipients().get(i);
                    RecipientYear y = r.year();
                    BigDecimal alone = y.directWageCosts()
                            .subtract(r.attributed())
                            .add(fixedParts.get(i))
                            .add(model.variableCostPerRecipient());
                    RecipientGrant g = GrantCalculator.calculate(
                            computed.rules(),
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
            }
            BigDecimal standAloneNet = costs.subtract(grant);
            rows.add(new ComparisonMember(
                    m.municipality().code(),
                    m.placedRecipients(),
                    m.netCost(),
                    costs,
                    grant,
                    standAloneNet,
                    standAloneNet.subtract(m.netCost())));
        }
        audit.recordRead("cooperation.comparison.read", c.id() + " cost year " + costYear);
        return new ComparisonView(
                c.id(),
                costYear,
                costYear + 1,
                new StandAloneView(model.fixedCostPerYear(), model.variableCostPerRecipient()),
                rows,
                computed.notes());
    }

    /**
     * Figures added up from many statements in several members' rows: all of them read one
     * snapshot, so a re-attribution that commits meanwhile is in all of them or in none.
     */
    private Computed compute(Cooperation c, int costYear) {
        snapshot.begin();
        int grantYear = costYear + 1;
        GrantRules yearRules = rules.forGrantYear(grantYear)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND,
                        "no rules for grant year " + grantYear + " (costs of " + costYear
                                + "): the expected grants for the costs of " + costYear + " use the circular IS-4/"
                                + grantYear));
        List<String> notes = new ArrayList<>();
        if (!yearRules.fullyVerified()) {
            notes.add("the rules of grant year " + grantYear + " include unverified values: "
                    + yearRules.unverifiedParameters());
        }
        LocalDate first = LocalDate.of(costYear, 1, 1);
        LocalDate last = LocalDate.of(costYear, 12, 31);

        // The host's rows: services, every placement in them, the year's shared costs per pool.
        List<ServiceRow> all = services.services(c);
        Map<UUID, JointServiceKind> kindOf = new HashMap<>();
        all.forEach(s -> kindOf.put(s.id(), s.kind()));
        record HostRows(List<PlacementSlot> placements, Map<JointServiceKind, BigDecimal> shared, BigDecimal wages) {}
        HostRows host = members.asMember(
                c,
                c.host(),
                connection -> new HostRows(
                        all.isEmpty()
                                ? List.of()
                                : JointServices.slotsAsHost(
                                        connection,
                                        c.host(),
                                        all.stream().map(ServiceRow::id).toList()),
                        sharedCosts(connection, c, first),
                        directWages(connection, c, first)));
        List<PlacementSlot> inYear = host.placements().stream()
                .filter(p -> period(p).daysWithin(first, last) > 0)
                .toList();

        // Shared costs, pool by pool (a pool is a kind of joint service).
        Map<String, BigDecimal> shares = new HashMap<>();
        BigDecimal sharedTotal = ZERO;
        for (Map.Entry<JointServiceKind, BigDecimal> pool : host.shared().entrySet()) {
            SplitKey key = c.agreement().splitFor(pool.getKey());
            List<MemberMeasures> measures = new ArrayList<>();
            for (String memberId : c.members()) {
                measures.add(measures(c, memberId, key, costYear, inYear, pool.getKey(), kindOf, first, last));
            }
            CostSplit.Result split = CostSplit.split(pool.getValue(), key, measures);
            split.shares().forEach(s -> shares.merge(s.municipality(), s.share(), BigDecimal::add));
            sharedTotal = sharedTotal.add(pool.getValue());
            notes.add("shared costs of " + pool.getKey() + " services, "
                    + pool.getValue().toPlainString() + ", split by " + key);
            for (SplitMeasure missing : split.measuresWithoutBasis()) {
                notes.add("no member had any " + missing + " in " + pool.getKey() + " services in " + costYear
                        + ": that part of the key was split equally");
            }
        }

        // Each member's own rows: its attributed lines and the grants of its placed recipients.
        List<Member> result = new ArrayList<>();
        BigDecimal attributedTotal = ZERO;
        int unknownGrants = 0;
        for (String memberId : c.members().stream()
                .sorted((a, b) -> cooperations.codeOf(a).compareTo(cooperations.codeOf(b)))
                .toList()) {
            Municipality municipality = cooperations.municipality(memberId);
            List<PlacementSlot> own =
                    inYear.stream().filter(p -> p.homeId().equals(memberId)).toList();
            long days = 0;
            for (PlacementSlot p : own) {
                days += period(p).daysWithin(first, last);
            }
            List<PlacedRecipient> placed = own.isEmpty()
                    ? List.of()
                    : members.asMember(
                            c, memberId, connection -> placedRecipients(connection, memberId, yearRules, own, first));
            if (!placed.isEmpty() && !memberId.equals(cooperations.caller().id())) {
                memberAudit.record(
                        c,
                        memberId,
                        "cooperation.figures.read",
                        "claim figures of " + placed.size() + " placed recipients, aggregated for cooperation " + c.id()
                                + " cost year " + costYear + " at the request of "
                                + cooperations.caller().code());
            }
            BigDecimal attributed = ZERO;
            BigDecimal grant = ZERO;
            for (PlacedRecipient r : placed) {
                attributed = attributed.add(r.attributed());
                grant = grant.add(r.grant());
                unknownGrants += r.known() ? 0 : 1;
            }
            attributedTotal = attributedTotal.add(attributed);
            result.add(new Member(
                    municipality,
                    placed.size(),
                    days,
                    attributed,
                    shares.getOrDefault(municipality.code(), ZERO),
                    grant,
                    placed));
        }
        BigDecimal unattributed = host.wages().subtract(attributedTotal);
        if (unattributed.signum() != 0) {
            notes.add("direct wages of " + unattributed.toPlainString() + " in " + costYear
                    + " fell in months with nobody placed and are attributed to no member");
        }
        if (unknownGrants > 0) {
            notes.add(unknownGrants + " placed recipients' grants are unknown (RULES_INCOMPLETE) and counted as 0");
        }
        return new Computed(yearRules, result, sharedTotal, notes);
    }

    private MemberMeasures measures(
            Cooperation c,
            String memberId,
            SplitKey key,
            int costYear,
            List<PlacementSlot> inYear,
            JointServiceKind pool,
            Map<UUID, JointServiceKind> kindOf,
            LocalDate first,
            LocalDate last) {
        Municipality m = cooperations.municipality(memberId);
        long population = 0;
        if (key.weights().containsKey(SplitMeasure.POPULATION)) {
            population = m.populationIn(costYear)
                    .orElseThrow(() -> new ProblemException(
                            ProblemType.AGREEMENT_INCOMPLETE,
                            "cooperation " + c.id() + " splits shared costs by population, but the tenant file of "
                                    + m.code() + " " + m.name() + " has no population for " + costYear));
        }
        long placements = 0;
        long days = 0;
        BigDecimal usage = BigDecimal.ZERO;
        for (PlacementSlot p : inYear) {
            if (p.homeId().equals(memberId) && kindOf.get(p.serviceId()) == pool) {
                long d = period(p).daysWithin(first, last);
                placements++;
                days += d;
                usage = usage.add(p.usageHoursPerWeek().multiply(BigDecimal.valueOf(d)));
            }
        }
        return new MemberMeasures(m.code(), population, placements, days, usage);
    }

    private static PlacementPeriod period(PlacementSlot p) {
        return new PlacementPeriod(p.id().toString(), p.startsOn(), p.endsOn(), p.usageHoursPerWeek());
    }

    private static Map<JointServiceKind, BigDecimal> sharedCosts(Connection connection, Cooperation c, LocalDate first)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                """
                select s.kind, sum(j.amount) from joint_cost j
                join joint_service s on s.municipality_id = j.municipality_id and s.id = j.joint_service_id
                where j.municipality_id = ? and s.cooperation_id = ? and j.category = 'SHARED'
                  and j.period >= ? and j.period < ?
                group by s.kind order by s.kind""")) {
            query.setString(1, c.host());
            query.setString(2, c.id());
            query.setObject(3, first);
            query.setObject(4, first.plusYears(1));
            Map<JointServiceKind, BigDecimal> shared = new EnumMap<>(JointServiceKind.class);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBigDecimal(2).signum() != 0) {
                        shared.put(JointServiceKind.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                    }
                }
            }
            return shared;
        }
    }

    private static BigDecimal directWages(Connection connection, Cooperation c, LocalDate first) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                """
                select coalesce(sum(j.amount), 0) from joint_cost j
                join joint_service s on s.municipality_id = j.municipality_id and s.id = j.joint_service_id
                where j.municipality_id = ? and s.cooperation_id = ? and j.category = 'DIRECT_WAGES'
                  and j.period >= ? and j.period < ?""")) {
            query.setString(1, c.host());
            query.setString(2, c.id());
            query.setObject(3, first);
            query.setObject(4, first.plusYears(1));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1).setScale(2);
            }
        }
    }

    /**
     * One query in the home's own rows: its recipients placed in these placements, their yearly
     * totals and their JOINT_SERVICE lines from the placements, then the claim's calculation for each.
     */
    private static List<PlacedRecipient> placedRecipients(
            Connection connection, String home, GrantRules rules, List<PlacementSlot> placements, LocalDate first)
            throws SQLException {
        Object[] placementIds = placements.stream().map(PlacementSlot::id).toArray();
        try (PreparedStatement query = connection.prepareStatement(
                """
                with placed as (
                    select distinct recipient_id from placement where municipality_id = ? and id = any (?)),
                attributed as (
                    select recipient_id, sum(amount) as amount from cost_line
                    where municipality_id = ? and placement_id = any (?) and period >= ? and period < ?
                    group by recipient_id)
                select r.id, r.birth_year, r.intellectual_disability,
                       coalesce(t.direct_wage_costs, 0), coalesce(t.earmarked_grants, 0),
                       coalesce(t.host_municipality_grant, 0), coalesce(t.user_payments, 0),
                       coalesce(a.amount, 0)
                from placed p
                join recipient r on r.municipality_id = ? and r.id = p.recipient_id
                left join cost_year_total t
                       on t.municipality_id = r.municipality_id and t.recipient_id = r.id and t.year = ?
                left join attributed a on a.recipient_id = r.id
                order by r.id""")) {
            java.sql.Array ids = connection.createArrayOf("uuid", placementIds);
            query.setString(1, home);
            query.setArray(2, ids);
            query.setString(3, home);
            query.setArray(4, ids);
            query.setObject(5, first);
            query.setObject(6, first.plusYears(1));
            query.setString(7, home);
            query.setInt(8, first.getYear());
            List<PlacedRecipient> placed = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    RecipientYear year = new RecipientYear(
                            "placed", // the ref stays home; the calculation only carries it
                            rs.getInt(2),
                            rs.getBoolean(3),
                            rs.getBigDecimal(4).setScale(2),
                            rs.getBigDecimal(5).setScale(2),
                            rs.getBigDecimal(6).setScale(2),
                            rs.getBigDecimal(7).setScale(2));
                    RecipientGrant g = GrantCalculator.calculate(rules, year);
                    placed.add(new PlacedRecipient(
                            year,
                            rs.getBigDecimal(8).setScale(2),
                            g.grant() == null ? ZERO : g.grant(),
                            g.grant() != null));
                }
            }
            return placed;
        }
    }
}
