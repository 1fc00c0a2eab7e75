package no.samkost.cooperation.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to a placement, from which status, and what it becomes: every rule in one list
 * ({@link #allRules()}), which the service, the database trigger (V7) and the properties follow.
 * Plus the bounds of what a step carries: usage, dates, and room in the service.
 */
public final class PlacementLifecycle {

    /** Hours of direct care per week: more than 0, at most 168 (a week), in hundredths. */
    public static final BigDecimal MAX_USAGE = BigDecimal.valueOf(168);

    /**
     * One rule: {@code party} may take {@code step} from a placement in one of {@code from} (empty:
     * a new placement), and the placement is then {@code to}.
     */
    public record Rule(PlacementStep step, PlacementParty party, Set<PlacementStatus> from, PlacementStatus to) {}

    private static final List<Rule> RULES = List.of(
            new Rule(PlacementStep.REQUEST, PlacementParty.HOME, Set.of(), PlacementStatus.REQUESTED),
            new Rule(
                    PlacementStep.CHANGE_REQUEST,
                    PlacementParty.HOME,
                    Set.of(PlacementStatus.REQUESTED),
                    PlacementStatus.REQUESTED),
            new Rule(
                    PlacementStep.WITHDRAW,
                    PlacementParty.HOME,
                    Set.of(PlacementStatus.REQUESTED),
                    PlacementStatus.WITHDRAWN),
            new Rule(
                    PlacementStep.END,
                    PlacementParty.HOME,
                    Set.of(PlacementStatus.CONFIRMED),
                    PlacementStatus.CONFIRMED),
            new Rule(
                    PlacementStep.CONFIRM,
                    PlacementParty.HOST,
                    Set.of(PlacementStatus.REQUESTED),
                    PlacementStatus.CONFIRMED),
            new Rule(
                    PlacementStep.DECLINE,
                    PlacementParty.HOST,
                    Set.of(PlacementStatus.REQUESTED),
                    PlacementStatus.DECLINED),
            new Rule(
                    PlacementStep.CHANGE_USAGE,
                    PlacementParty.HOST,
                    Set.of(PlacementStatus.CONFIRMED),
                    PlacementStatus.CONFIRMED));

    private PlacementLifecycle() {}

    public static List<Rule> allRules() {
        return RULES;
    }

    public static Rule rule(PlacementStep step) {
        return RULES.stream().filter(r -> r.step() == step).findFirst().orElseThrow();
    }

    /** Why a step is refused; empty when it is allowed. */
    public sealed interface Refusal {
        /** The caller is not the party the step belongs to. */
        record WrongParty(PlacementParty required) implements Refusal {}

        /** The placement is not in a status the step starts from. */
        record WrongStatus(PlacementStatus current, Set<PlacementStatus> from) implements Refusal {}
    }

    /**
     * Whether a caller who is {@code parties} (the home, the host, or both) may take {@code step}
     * on a placement in {@code current} (null: there is none yet).
     */
    public static Optional<Refusal> check(PlacementStep step, Set<PlacementParty> parties, PlacementStatus current) {
        Rule rule = rule(step);
        if (!parties.contains(rule.party())) {
            return Optional.of(new Refusal.WrongParty(rule.party()));
        }
        boolean fromNothing = rule.from().isEmpty();
        if (fromNothing ? current != null : current == null || !rule.from().contains(current)) {
            return Optional.of(new Refusal.WrongStatus(current, rule.from()));
        }
        return Optional.empty();
    }

    /** The caller's parts in a placement of {@code home} in a service of {@code host}. */
    public static Set<PlacementParty> parties(String caller, String home, String host) {
        Set<PlacementParty> parties = EnumSet.noneOf(PlacementParty.class);
        if (caller.equals(home)) {
            parties.add(PlacementParty.HOME);
        }
        if (caller.equals(host)) {
            parties.add(PlacementParty.HOST);
        }
        return parties;
    }

    /** More than 0, at most 168, at most 2 decimals. */
    public static boolean validUsage(BigDecimal usage) {
        return usage.signum() > 0
                && usage.compareTo(MAX_USAGE) <= 0
                && usage.stripTrailingZeros().scale() <= 2;
    }

    /**
     * A new end for a confirmed placement: not before its start, not in the past, and not later
     * than the end it had (a later end needs a new request: it takes a place the host has not given).
     */
    public static boolean validEnd(LocalDate startsOn, LocalDate endedOn, LocalDate newEnd, LocalDate today) {
        return newEnd != null
                && !newEnd.isBefore(startsOn)
                && !newEnd.isBefore(today)
                && (endedOn == null || !newEnd.isAfter(endedOn));
    }

    /**
     * Whether {@code candidate} fits beside the {@code confirmed} placements (the candidate itself
     * not among them) within {@code capacity} places on every day it covers.
     */
    public static boolean fits(List<PlacementPeriod> confirmed, PlacementPeriod candidate, int capacity) {
        List<PlacementPeriod> all = new java.util.ArrayList<>(confirmed);
        all.add(candidate);
        return Occupancy.peak(all, candidate.from(), candidate.to()) <= capacity;
    }
}
