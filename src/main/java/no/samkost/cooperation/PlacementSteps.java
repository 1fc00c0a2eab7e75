package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.samkost.audit.AuditTrail;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.PlacementView;
import no.samkost.cooperation.calculation.PlacementLifecycle;
import no.samkost.cooperation.calculation.PlacementLifecycle.Refusal;
import no.samkost.cooperation.calculation.PlacementParty;
import no.samkost.cooperation.calculation.PlacementPeriod;
import no.samkost.cooperation.calculation.PlacementStatus;
import no.samkost.cooperation.calculation.PlacementStep;
import no.samkost.cooperation.persistence.LedgerRows;
import no.samkost.cooperation.persistence.PlacementRow;
import no.samkost.cooperation.persistence.PlacementRows;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.tenancy.Cooperation;

/**
 * What every step of a placement's lifecycle does the same way, whichever party takes it: the
 * lifecycle's verdict as a problem, the write with its version, re-attribution of the months a
 * confirmed placement covers, and the entry in both parties' audit trails.
 */
@ApplicationScoped
class PlacementSteps {

    private final Cooperations cooperations;
    private final Attributions attributions;
    private final PlacementRows rows;
    private final MemberAudit memberAudit;
    private final AuditTrail audit;
    private final Stamps stamps;
    private final LedgerRows ledgers;
    private final Clock clock;

    PlacementSteps(
            Cooperations cooperations,
            Attributions attributions,
            PlacementRows rows,
            MemberAudit memberAudit,
            AuditTrail audit,
            Stamps stamps,
            LedgerRows ledgers,
            Clock clock) {
        this.cooperations = cooperations;
        this.attributions = attributions;
        this.rows = rows;
        this.memberAudit = memberAudit;
        this.audit = audit;
        this.stamps = stamps;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /** The lifecycle's rule for {@code step} on {@code p}: 403 for the wrong party, 409 naming the status. */
    void requireAllowed(Cooperation c, PlacementStep step, PlacementRow p) {
        Optional<Refusal> refusal = PlacementLifecycle.check(
                step, PlacementLifecycle.parties(cooperations.caller().id(), p.homeId(), c.host()), p.status());
        if (refusal.isEmpty()) {
            return;
        }
        if (refusal.get() instanceof Refusal.WrongParty wrong) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "only the " + (wrong.required() == PlacementParty.HOST ? "host" : "home") + " municipality may "
                            + describe(step) + " in cooperation " + c.id());
        }
        Refusal.WrongStatus wrong = (Refusal.WrongStatus) refusal.get();
        throw new ProblemException(
                ProblemType.CONFLICT,
                "placement " + p.id() + " is " + wrong.current() + "; to " + describe(step) + " it must be "
                        + wrong.from().stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")));
    }

    static void requireVersion(PlacementRow p, long version) {
        if (p.version() != version) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "placement " + p.id() + " is at version " + p.version() + ", not " + version);
        }
    }

    /** Writes {@code after} as the caller: in another home's row the cooperation is the writer. */
    void write(Cooperation c, PlacementRow after) {
        String caller = cooperations.caller().id();
        boolean own = caller.equals(after.homeId());
        if (!rows.update(c, caller, after, own ? stamps.byCaller() : stamps.byCooperation(c))) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION, "placement " + after.id() + " was changed by someone else");
        }
    }

    /** Brings the months either version of a confirmed placement covers up to date in every home's ledger. */
    void reattribute(Cooperation c, ServiceRow service, PlacementRow before, PlacementRow after) {
        refuseClosedYearsOfHome(c, before, after);
        TreeSet<YearMonth> months = new TreeSet<>();
        for (PlacementRow p : List.of(before, after)) {
            if (p.status().takesCapacity()) {
                months.addAll(attributions.wageMonths(c, service.id(), p.startsOn(), p.endsOn()));
            }
        }
        attributions.reattribute(c, service, months);
    }

    /**
     * A confirmation or end may not change the home's placement days in a cost year the home has
     * closed, even where the service had no wages that month and so no ledger line would change: the pooled figures count a home's placed recipients and their whole grants, and a
     * signed year is frozen for the others (final outside attack of 4 December 2026: confirming a
     * place in a service without wages added one recipient's grant to a signed year's totals). Only
     * the host and the home take these steps, and both may read the home's closed years.
     */
    private void refuseClosedYearsOfHome(Cooperation c, PlacementRow before, PlacementRow after) {
        int first = Math.min(before.startsOn().getYear(), after.startsOn().getYear());
        int last = LocalDate.now(clock).getYear();
        List<Integer> changed = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            long daysBefore = before.status().takesCapacity() ? period(before).daysIn(year) : 0;
            long daysAfter = after.status().takesCapacity() ? period(after).daysIn(year) : 0;
            // A usage change moves attributed wages only through ledger lines, which the attribution
            // refuses in a closed year itself; the placed recipients and days stay.
            if (daysBefore != daysAfter) {
                changed.add(year);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Set<Integer> closed = new TreeSet<>(ledgers.closedYears(c, after.homeId(), changed));
        if (!closed.isEmpty()) {
            throw new ProblemException(
                    ProblemType.YEAR_CLOSED,
                    "placement " + after.id() + " would change in " + closed + ", closed cost year(s) of "
                            + cooperations.codeOf(after.homeId()) + " (its claim is submitted); nothing was written."
                            + " The claim must be returned or reopened first.",
                    closed.stream()
                            .map(y -> Problem.Violation.field("startsOn", y + " is a closed cost year of the home"))
                            .toList());
        }
    }

    private static PlacementPeriod period(PlacementRow p) {
        return new PlacementPeriod(p.id().toString(), p.startsOn(), p.endsOn(), p.usageHoursPerWeek());
    }

    /**
     * The step in the caller's own trail (with the person), and in the other party's (with the
     * cooperation as actor). What each entry says is for its reader: the host may read the ref and
     * dates, the home its own placement's usage; neither gets the other's staff.
     */
    void audit(Cooperation c, PlacementRow p, String action, String forHome, String forHost) {
        String caller = cooperations.caller().id();
        boolean callerIsHome = caller.equals(p.homeId());
        audit.record(action, callerIsHome ? forHome : forHost);
        if (!p.homeId().equals(c.host())) {
            if (callerIsHome) {
                memberAudit.record(c, c.host(), action, forHost);
            } else {
                memberAudit.record(c, p.homeId(), action, forHome);
            }
        }
    }

    PlacementView view(PlacementRow p) {
        return PlacementList.view(p, cooperations.codeOf(p.homeId()));
    }

    static String period(LocalDate from, LocalDate to) {
        return from + (to == null ? " on" : " to " + to);
    }

    private static String describe(PlacementStep step) {
        return switch (step) {
            case REQUEST -> "request a place";
            case CHANGE_REQUEST -> "change a request's dates";
            case WITHDRAW -> "withdraw a request";
            case END -> "end a placement";
            case CONFIRM -> "confirm a placement";
            case DECLINE -> "decline a placement";
            case CHANGE_USAGE -> "change a placement's usage";
        };
    }

    /** Whether a placement in this status blocks another of the same recipient at the same time. */
    static boolean holdsItsRecipient(PlacementStatus status) {
        return status == PlacementStatus.REQUESTED || status == PlacementStatus.CONFIRMED;
    }
}
