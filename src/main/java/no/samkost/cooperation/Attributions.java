package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.calculation.Attribution;
import no.samkost.cooperation.persistence.AttributionLine;
import no.samkost.cooperation.persistence.JointCostRows;
import no.samkost.cooperation.persistence.LedgerRows;
import no.samkost.cooperation.persistence.PlacementMonth;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.PlacementSlot;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.cooperation.persistence.Stamp;
import no.samkost.tenancy.Cooperation;

/**
 * Keeps the homes' ledgers in step with a joint service's direct wages: each month's wages are
 * attributed to the placements active that month (usage x days) and appear in each home
 * municipality's ledger as JOINT_SERVICE lines of the placed recipient.
 *
 * <p>The ledger is append-only, so re-attribution after a late cost or a changed placement does
 * not rewrite lines: where a placement-month's share changed, it appends a reversal of what was
 * there and a line with the new share, each with a note that explains it, and records the run in
 * the home's audit trail. The current share of a placement-month is the sum of its lines; over all
 * placements it equals the month's wages to the øre. Runs under the service's lock (see
 * {@link JointServices#lock}), in the caller's transaction: every home's ledger changes, or none.
 */
@ApplicationScoped
public class Attributions {

    private final Cooperations cooperations;
    private final PlacementRows placements;
    private final JointCostRows costs;
    private final LedgerRows ledgers;
    private final MemberAudit memberAudit;
    private final Stamps stamps;

    public Attributions(
            Cooperations cooperations,
            PlacementRows placements,
            JointCostRows costs,
            LedgerRows ledgers,
            MemberAudit memberAudit,
            Stamps stamps) {
        this.cooperations = cooperations;
        this.placements = placements;
        this.costs = costs;
        this.ledgers = ledgers;
        this.memberAudit = memberAudit;
        this.stamps = stamps;
    }

    /** The months of the service's direct wages within [from, to] (to null: open-ended). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<YearMonth> wageMonths(Cooperation c, UUID serviceId, LocalDate from, LocalDate to) {
        return costs.monthlyDirectWages(c, c.host(), serviceId).keySet().stream()
                .filter(m -> !m.atEndOfMonth().isBefore(from)
                        && (to == null || !m.atDay(1).isAfter(to)))
                .toList();
    }

    /**
     * Brings the given months of the service's attribution up to date in every home's ledger. The
     * lines in a home other than the caller's say only what they are (their own days and usage, and
     * an attribution reference the host can look up) and are written by the cooperation, not by the caller's staff; that home's
     * audit trail records the run.
     *
     * @return ledger lines appended
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reattribute(Cooperation c, ServiceRow service, Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return 0;
        }
        List<PlacementSlot> slots = placements.slotsAsHost(c, c.host(), List.of(service.id()));
        SortedMap<YearMonth, Attribution.Month> computed = attribute(c, service, months, slots);
        Map<PlacementMonth, Attribution.Part> wanted = new HashMap<>();
        computed.forEach((month, m) -> m.parts()
                .forEach(part -> wanted.put(new PlacementMonth(UUID.fromString(part.placementId()), month), part)));
        Map<String, List<PlacementSlot>> byHome =
                slots.stream().collect(Collectors.groupingBy(PlacementSlot::homeId, TreeMap::new, Collectors.toList()));
        String caller = cooperations.caller().id();
        Map<String, List<AttributionLine>> linesByHome = new TreeMap<>();
        byHome.forEach((home, homesSlots) ->
                linesByHome.put(home, changedLines(c, service, home, homesSlots, computed, wanted)));
        refuseClosedYears(c, linesByHome, caller);
        int appended = 0;
        for (Map.Entry<String, List<AttributionLine>> home : linesByHome.entrySet()) {
            boolean callersOwn = home.getKey().equals(caller);
            List<AttributionLine> lines = home.getValue();
            Stamp stamp = callersOwn ? stamps.byCaller() : stamps.byCooperation(c);
            ledgers.appendAttributionLines(c, home.getKey(), lines, stamp);
            if (!lines.isEmpty() && !callersOwn) {
                memberAudit.record(
                        c,
                        home.getKey(),
                        "joint-service.attributed",
                        "joint service " + service.id() + " months " + new TreeSet<>(months) + ": " + lines.size()
                                + " ledger lines, re-attributed after a change in its costs or placements");
            }
            appended += lines.size();
        }
        return appended;
    }

    /**
     * A run that would change a line in any home's closed cost year is refused as a whole before
     * anything is written (the database would refuse it too, naming only one year). The months are
     * named; the home only to its host and to itself: to a third member it would tell where another
     * home's placements are.
     */
    private void refuseClosedYears(Cooperation c, Map<String, List<AttributionLine>> linesByHome, String caller) {
        SortedSet<YearMonth> closedMonths = new TreeSet<>();
        SortedSet<String> closedHomes = new TreeSet<>();
        for (Map.Entry<String, List<AttributionLine>> home : linesByHome.entrySet()) {
            if (home.getValue().isEmpty()) {
                continue;
            }
            SortedSet<YearMonth> months = home.getValue().stream()
                    .map(l -> l.placementMonth().month())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<Integer> closed = ledgers.closedYears(
                    c, home.getKey(), months.stream().map(YearMonth::getYear).collect(Collectors.toSet()));
            months.stream().filter(m -> closed.contains(m.getYear())).forEach(closedMonths::add);
            if (!closed.isEmpty()) {
                closedHomes.add(home.getKey());
            }
        }
        if (closedMonths.isEmpty()) {
            return;
        }
        boolean mayName = caller.equals(c.host()) || closedHomes.equals(Set.of(caller));
        String whose =
                mayName ? closedHomes.stream().map(cooperations::codeOf).collect(Collectors.joining(", ")) : "a member";
        throw new ProblemException(
                ProblemType.YEAR_CLOSED,
                "the attribution of the joint service's direct wages would change ledger lines of " + closedMonths
                        + " in a closed cost year of " + whose + " (its claim is submitted); nothing was written"
                        + " anywhere. The claim must be returned or reopened first.",
                closedMonths.stream()
                        .map(m -> Problem.Violation.field("period", m + " is in a closed cost year"))
                        .toList());
    }

    /** What each month's wages come to per placement now. */
    private SortedMap<YearMonth, Attribution.Month> attribute(
            Cooperation c, ServiceRow service, Collection<YearMonth> months, List<PlacementSlot> slots) {
        Map<YearMonth, BigDecimal> wages = costs.monthlyDirectWagesIn(c, c.host(), service.id(), months);
        SortedMap<YearMonth, Attribution.Month> computed = new TreeMap<>();
        for (YearMonth month : new TreeSet<>(months)) {
            computed.put(
                    month,
                    Attribution.attribute(
                            month,
                            wages.getOrDefault(month, BigDecimal.ZERO),
                            slots.stream().map(PlacementSlot::period).toList()));
        }
        return computed;
    }

    /** The reversals and new shares that bring one home's placement-months to what they should carry. */
    private List<AttributionLine> changedLines(
            Cooperation c,
            ServiceRow service,
            String home,
            List<PlacementSlot> homesSlots,
            SortedMap<YearMonth, Attribution.Month> computed,
            Map<PlacementMonth, Attribution.Part> wanted) {
        Map<PlacementMonth, BigDecimal> now = ledgers.attributedShares(
                c, home, homesSlots.stream().map(PlacementSlot::id).toList(), computed.keySet());
        List<AttributionLine> lines = new ArrayList<>();
        for (PlacementSlot p : homesSlots) {
            for (YearMonth month : computed.keySet()) {
                PlacementMonth key = new PlacementMonth(p.id(), month);
                BigDecimal had = now.getOrDefault(key, BigDecimal.ZERO);
                Attribution.Part part = wanted.get(key);
                BigDecimal want = part == null ? BigDecimal.ZERO : part.amount();
                if (had.compareTo(want) == 0) {
                    continue;
                }
                if (had.signum() != 0) {
                    lines.add(new AttributionLine(
                            key,
                            had.negate(),
                            "reversal of the earlier share of joint service '" + service.name() + "' " + month
                                    + ": re-attributed after a change in its costs or placements; "
                                    + reference(c, service, month)));
                }
                if (want.signum() != 0) {
                    lines.add(new AttributionLine(key, want, explain(c, service, part, month)));
                }
            }
        }
        return lines;
    }

    /**
     * What the home may know of the line: its own placement's days and usage, and where the host
     * can show the whole month. Not the month's wages nor the total weight: with its own amount a
     * home would compute the other placements' care (days x hours) from them.
     */
    static String explain(Cooperation c, ServiceRow service, Attribution.Part part, YearMonth month) {
        return "share of joint service '" + service.name() + "' " + month + " for this placement: " + part.days()
                + " days x " + part.usageHoursPerWeek().stripTrailingZeros().toPlainString()
                + " h/week, in proportion to usage x days among the month's placements; "
                + reference(c, service, month);
    }

    /**
     * The attribution reference {@code <cooperation>/<serviceId>/<month>}: the host looks the month
     * up in GET /api/v1/cooperations/{id}/services/{serviceId}/attribution/{costYear}.
     */
    static String reference(Cooperation c, ServiceRow service, YearMonth month) {
        return "attribution reference " + c.id() + "/" + service.id() + "/" + month + " (the host's attribution view)";
    }
}
