package no.samkost.cooperation.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The placement lifecycle on random data: random sequences of requests, confirmations, declines,
 * withdrawals, ends and usage changes, by random parties (home, host, both, neither), against a
 * service of random capacity. The book below decides each step only with what the service
 * decides with ({@link PlacementLifecycle#check}, {@link PlacementLifecycle#fits}, {@link
 * PlacementLifecycle#validUsage}, {@link PlacementLifecycle#validEnd}); the invariants are checked
 * against oracles of their own: a table written out here, a day-by-day count, weights by hand.
 */
class PlacementLifecycleProperties {

    static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    static final int DAYS = 70;
    static final LocalDate TODAY = FIRST.plusDays(20);

    /** The rules as the issue states them, written out independently of {@link PlacementLifecycle}. */
    static final Map<PlacementStep, Object[]> ORACLE = Map.of(
            PlacementStep.REQUEST, new Object[] {PlacementParty.HOME, EnumSet.noneOf(PlacementStatus.class)},
            PlacementStep.CHANGE_REQUEST, new Object[] {PlacementParty.HOME, EnumSet.of(PlacementStatus.REQUESTED)},
            PlacementStep.WITHDRAW, new Object[] {PlacementParty.HOME, EnumSet.of(PlacementStatus.REQUESTED)},
            PlacementStep.END, new Object[] {PlacementParty.HOME, EnumSet.of(PlacementStatus.CONFIRMED)},
            PlacementStep.CONFIRM, new Object[] {PlacementParty.HOST, EnumSet.of(PlacementStatus.REQUESTED)},
            PlacementStep.DECLINE, new Object[] {PlacementParty.HOST, EnumSet.of(PlacementStatus.REQUESTED)},
            PlacementStep.CHANGE_USAGE, new Object[] {PlacementParty.HOST, EnumSet.of(PlacementStatus.CONFIRMED)});

    /** One random step: who, what, on which placement (an index into those made so far), with what. */
    record Action(
            PlacementStep step,
            Set<PlacementParty> parties,
            int target,
            int startDay,
            Integer length,
            BigDecimal usage) {}

    /** A placement in the book, and every status it has had. */
    static final class Placement {
        final String id;
        LocalDate from;
        LocalDate to;
        BigDecimal usage;
        PlacementStatus status = PlacementStatus.REQUESTED;
        final List<PlacementStatus> history = new ArrayList<>(List.of(PlacementStatus.REQUESTED));

        Placement(String id, LocalDate from, LocalDate to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }

        PlacementPeriod period() {
            return new PlacementPeriod(id, from, to, usage);
        }

        /** Counted day by day, the oracle's way. */
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** The service in miniature: each step decided with the production rules only. */
    static final class Book {
        final int capacity;
        final List<Placement> placements = new ArrayList<>();

        Book(int capacity) {
            this.capacity = capacity;
        }

        static Book after(List<Action> actions, int capacity) {
            Book book = new Book(capacity);
            for (Action a : actions) {
                book.apply(a);
            }
            return book;
        }

        List<PlacementPeriod> confirmed(Placement except) {
            return placements.stream()
                    .filter(p -> p != except && p.status.takesCapacity())
                    .map(Placement::period)
                    .toList();
        }

        /** @return whether the step was accepted */
        boolean apply(Action a) {
            LocalDate from = FIRST.plusDays(a.startDay());
            LocalDate to = a.length() == null ? null : from.plusDays(a.length());
            if (a.step() == PlacementStep.REQUEST) {
                if (PlacementLifecycle.check(a.step(), a.parties(), null).isPresent()) {
                    return false;
                }
                placements.add(new Placement("p" + placements.size(), from, to));
                return true;
            }
            if (placements.isEmpty()) {
                return false;
            }
            Placement p = placements.get(a.target() % placements.size());
            if (PlacementLifecycle.check(a.step(), a.parties(), p.status).isPresent()) {
                return false;
            }
            switch (a.step()) {
                case CHANGE_REQUEST -> {
                    p.from = from;
                    p.to = to;
                }
                case WITHDRAW -> p.status = PlacementStatus.WITHDRAWN;
                case DECLINE -> p.status = PlacementStatus.DECLINED;
                case END -> {
                    if (!PlacementLifecycle.validEnd(p.from, p.to, to, TODAY)) {
                        return false;
                    }
                    p.to = to;
                }
                case CONFIRM -> {
                    if (!PlacementLifecycle.validUsage(a.usage())
                            || !PlacementLifecycle.fits(
                                    confirmed(p), new PlacementPeriod(p.id, p.from, p.to, a.usage()), capacity)) {
                        return false;
                    }
                    p.usage = a.usage();
                    p.status = PlacementStatus.CONFIRMED;
                }
                case CHANGE_USAGE -> {
                    if (!PlacementLifecycle.validUsage(a.usage())) {
                        return false;
                    }
                    p.usage = a.usage();
                }
                default -> throw new IllegalStateException(a.step().toString());
            }
            p.history.add(p.status);
            return true;
        }
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Set<PlacementParty>> parties = Arbitraries.of(
                Set.of(),
                Set.of(PlacementParty.HOME),
                Set.of(PlacementParty.HOST),
                EnumSet.allOf(PlacementParty.class));
        Arbitrary<BigDecimal> usage = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 16_800).map(h -> BigDecimal.valueOf(h, 2)),
                Arbitraries.of(
                        BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("168.01"), new BigDecimal("10.001")));
        Arbitrary<Action> action = Combinators.combine(
                        Arbitraries.of(PlacementStep.class),
                        parties,
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, DAYS - 1),
                        Arbitraries.integers().between(0, 40).injectNull(0.3),
                        usage)
                .as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property
    void aStepIsAcceptedOnlyByTheRightPartyFromTheRightStatus(
            @ForAll("actions") List<Action> actions, @ForAll @IntRange(min = 1, max = 4) int capacity) {
        Book book = new Book(capacity);
        for (Action a : actions) {
            if (a.step() != PlacementStep.REQUEST && book.placements.isEmpty()) {
                continue;
            }
            PlacementStatus before = a.step() == PlacementStep.REQUEST
                    ? null
                    : book.placements.get(a.target() % book.placements.size()).status;
            boolean allowedByOracle = a.parties().contains((PlacementParty) ORACLE.get(a.step())[0])
                    && (a.step() == PlacementStep.REQUEST || ((Set<?>) ORACLE.get(a.step())[1]).contains(before));
            assertThat(PlacementLifecycle.check(a.step(), a.parties(), before).isEmpty())
                    .as(a + " from " + before)
                    .isEqualTo(allowedByOracle);
            boolean accepted = book.apply(a);
            if (accepted) {
                assertThat(allowedByOracle).as(a + " accepted from " + before).isTrue();
            }
        }
    }

    @Property
    void declinedAndWithdrawnAreFinal(
            @ForAll("actions") List<Action> actions, @ForAll @IntRange(min = 1, max = 4) int capacity) {
        Book book = Book.after(actions, capacity);
        for (Placement p : book.placements) {
            int declined = p.history.indexOf(PlacementStatus.DECLINED);
            int withdrawn = p.history.indexOf(PlacementStatus.WITHDRAWN);
            for (int first : List.of(declined, withdrawn)) {
                if (first >= 0) {
                    assertThat(p.history.subList(first, p.history.size()))
                            .as(p.id + " " + p.history)
                            .containsOnly(p.history.get(first));
                }
            }
            // And nothing returns to REQUESTED once it was decided.
            int decided = p.history.indexOf(PlacementStatus.CONFIRMED);
            if (decided >= 0) {
                assertThat(p.history.subList(decided, p.history.size())).containsOnly(PlacementStatus.CONFIRMED);
            }
        }
    }

    @Property
    void confirmedPlacementsNeverExceedCapacityOnAnyDay(
            @ForAll("actions") List<Action> actions, @ForAll @IntRange(min = 1, max = 4) int capacity) {
        Book book = new Book(capacity);
        for (Action a : actions) {
            book.apply(a);
            for (int d = 0; d < DAYS + 60; d++) {
                LocalDate day = FIRST.plusDays(d);
                long covering = book.placements.stream()
                        .filter(p -> p.status == PlacementStatus.CONFIRMED)
                        .filter(p -> p.covers(day))
                        .count();
                assertThat(covering).as(day + " after " + a).isLessThanOrEqualTo(capacity);
            }
        }
    }

    @Property
    void onlyConfirmedPlacementsCarryUsageAndAttributionWeight(
            @ForAll("actions") List<Action> actions, @ForAll @IntRange(min = 1, max = 4) int capacity) {
        Book book = Book.after(actions, capacity);
        for (Placement p : book.placements) {
            // As the database's check: usage exactly when confirmed, and then within the bounds.
            assertThat(p.usage != null).as(p.id + " " + p.status).isEqualTo(p.status == PlacementStatus.CONFIRMED);
            if (p.usage != null) {
                assertThat(p.usage.signum()).isPositive();
                assertThat(p.usage).isLessThanOrEqualTo(new BigDecimal("168"));
                assertThat(p.usage.stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
            }
        }
        // What the service attributes: the placements that take capacity, each by days x usage.
        List<PlacementPeriod> attributable = book.placements.stream()
                .filter(p -> p.status.takesCapacity())
                .map(Placement::period)
                .toList();
        for (YearMonth month : List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3))) {
            Attribution.Month m = Attribution.attribute(month, new BigDecimal("100000.00"), attributable);
            for (Attribution.Part part : m.parts()) {
                Placement p = book.placements.stream()
                        .filter(q -> q.id.equals(part.placementId()))
                        .findFirst()
                        .orElseThrow();
                assertThat(p.status).as(p.id).isEqualTo(PlacementStatus.CONFIRMED);
                long days = 0;
                for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                    if (p.covers(d)) {
                        days++;
                    }
                }
                assertThat(part.weight()).isEqualByComparingTo(p.usage.multiply(BigDecimal.valueOf(days)));
            }
            long confirmedInMonth = book.placements.stream()
                    .filter(p -> p.status == PlacementStatus.CONFIRMED)
                    .filter(p ->
                            !p.from.isAfter(month.atEndOfMonth()) && (p.to == null || !p.to.isBefore(month.atDay(1))))
                    .count();
            assertThat(m.parts()).hasSize((int) confirmedInMonth);
        }
    }
}
