package no.samkost.planning.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A member's own records turned into {@link RiskMember}'s inputs: today's recipients, the annual
 * costs new ones are drawn from, the yearly arrival rate and the exit probability. Plain Java: the
 * caller reads the rows (in the member's own rows) and passes them in.
 *
 * <p>The rules, for a simulation from cost year {@code from} over {@code years} years, on the
 * member's recipient-years of the history window (the cost years before {@code from} that the
 * caller read):
 *
 * <ul>
 *   <li><b>Today's recipients</b>: those with costs in {@code from - 1}, each at its annual cost
 *       of that year.
 *   <li><b>Annual costs</b>: every recipient-year of the window with a cost above 0 (an empirical
 *       distribution: recent prices, partial years included, as they happened).
 *   <li><b>Arrivals from history</b>: recipients whose first year with costs ever is a window year
 *       after the window's first year with data, over the window's years with data less one (the
 *       first year's recipients were there already). One year with data gives no rate.
 *   <li><b>Arrivals from the register</b>: ACTIVE entries whose expected move-out year is at most
 *       the last simulated year (a year already past counts: the youth has not yet arrived), spread
 *       evenly over the simulated years. Added to the history's rate: a register kept from age 14
 *       names youths the history's pattern may already count, so the sum leans high, the cautious
 *       side for a risk.
 *   <li><b>Exit probability</b>: the share of recipient-years (in window years before {@code from
 *       - 1}) not followed by a year with costs, for any reason; if that rests on fewer than {@link
 *       #MIN_EXIT_HISTORY} recipient-years, {@link #DEFAULT_EXIT_PROBABILITY}; a given probability
 *       replaces both.
 *   <li>New recipients have an intellectual disability with the window's share of recipient-years
 *       that had one. Without annual costs to draw from, no arrival can be costed: the rate is 0,
 *       and {@link Derived#arrivalsUncosted()} says so.
 * </ul>
 */
public final class MemberHistory {

    /**
     * The yearly exit probability when the history is too thin to say: high-cost recipients tend to
     * stay for many years (one in twenty leaving a year is a stay of about twenty years).
     */
    public static final BigDecimal DEFAULT_EXIT_PROBABILITY = new BigDecimal("0.0500");

    /** The recipient-years an exit probability from history must rest on. */
    public static final int MIN_EXIT_HISTORY = 20;

    private static final int SCALE = 4;

    /** Where the exit probability came from. */
    public enum ExitBasis {
        HISTORY,
        DEFAULT,
        GIVEN
    }

    /**
     * One recipient's cost year in the window.
     *
     * @param annualCost its direct wage costs of the year as its claim counts them, less what the
     *     model's fixed staffing stands for (the caller decides; not negative)
     * @param firstYearEver whether this is the first year the recipient has costs at all
     * @param presentNextYear whether the recipient has costs in the year after
     */
    public record RecipientYear(
            int year,
            int birthYear,
            boolean intellectualDisability,
            BigDecimal annualCost,
            boolean firstYearEver,
            boolean presentNextYear) {

        public RecipientYear {
            Objects.requireNonNull(annualCost, "annualCost");
        }
    }

    /** The inputs, with the counts they rest on. */
    public record Derived(
            List<RiskRecipient> today,
            List<BigDecimal> annualCosts,
            BigDecimal intellectualDisabilityShare,
            int historyYearsWithData,
            int historyArrivals,
            BigDecimal historyArrivalRate,
            int registerArrivals,
            BigDecimal registerArrivalRate,
            BigDecimal arrivalRate,
            boolean arrivalsUncosted,
            int exitHistoryRecipientYears,
            int exitHistoryExits,
            BigDecimal exitProbability,
            ExitBasis exitBasis) {

        public Derived {
            today = List.copyOf(today);
            annualCosts = List.copyOf(annualCosts);
        }

        /** The member as the simulation takes it. */
        public RiskMember member(String id, Staffing standAlone) {
            return new RiskMember(
                    id, arrivalRate, exitProbability, today, annualCosts, intellectualDisabilityShare, standAlone);
        }
    }

    private MemberHistory() {}

    /**
     * @param window the member's recipient-years of the history window, in any order (the result
     *     orders them by content, so the same rows give the same inputs whatever order they come in)
     * @param moveOutYears the expected move-out years of the register's ACTIVE entries that have one
     * @param givenExitProbability replaces the history's and the default; null for none
     */
    public static Derived derive(
            int from,
            int years,
            List<RecipientYear> window,
            List<Integer> moveOutYears,
            BigDecimal givenExitProbability) {
        if (years < 1) {
            throw new IllegalArgumentException("at least one simulated year, not " + years);
        }
        List<RecipientYear> rows = new ArrayList<>(window);
        rows.sort(Comparator.comparingInt(RecipientYear::year)
                .thenComparingInt(RecipientYear::birthYear)
                .thenComparing(RecipientYear::intellectualDisability)
                .thenComparing(RecipientYear::annualCost));
        for (RecipientYear r : rows) {
            if (r.year() >= from) {
                throw new IllegalArgumentException("the history is before " + from + ", not " + r.year());
            }
            if (r.annualCost().signum() < 0) {
                throw new IllegalArgumentException("an annual cost is not negative: " + r.annualCost());
            }
        }

        List<RiskRecipient> today = rows.stream()
                .filter(r -> r.year() == from - 1)
                .map(r -> new RiskRecipient(r.birthYear(), r.intellectualDisability(), r.annualCost()))
                .toList();
        List<RecipientYear> costed =
                rows.stream().filter(r -> r.annualCost().signum() > 0).toList();
        List<BigDecimal> annualCosts =
                costed.stream().map(RecipientYear::annualCost).sorted().toList();
        BigDecimal idShare = costed.isEmpty()
                ? BigDecimal.ZERO.setScale(SCALE)
                : share(
                        costed.stream()
                                .filter(RecipientYear::intellectualDisability)
                                .count(),
                        costed.size());

        TreeSet<Integer> yearsWithData = new TreeSet<>();
        rows.forEach(r -> yearsWithData.add(r.year()));
        int historyArrivals = yearsWithData.isEmpty()
                ? 0
                : (int) rows.stream()
                        .filter(r -> r.firstYearEver() && r.year() > yearsWithData.first())
                        .count();
        BigDecimal historyRate = yearsWithData.size() < 2
                ? BigDecimal.ZERO.setScale(SCALE)
                : share(historyArrivals, yearsWithData.size() - 1);

        int lastYear = from + years - 1;
        int registerArrivals =
                (int) moveOutYears.stream().filter(y -> y <= lastYear).count();
        BigDecimal registerRate = share(registerArrivals, years);
        BigDecimal rate = historyRate.add(registerRate);
        boolean uncosted = rate.signum() > 0 && annualCosts.isEmpty();
        if (uncosted) {
            rate = BigDecimal.ZERO.setScale(SCALE);
        }

        List<RecipientYear> atRisk =
                rows.stream().filter(r -> r.year() < from - 1).toList();
        int exits = (int) atRisk.stream().filter(r -> !r.presentNextYear()).count();
        BigDecimal exitProbability;
        ExitBasis basis;
        if (givenExitProbability != null) {
            exitProbability = givenExitProbability;
            basis = ExitBasis.GIVEN;
        } else if (atRisk.size() >= MIN_EXIT_HISTORY) {
            exitProbability = share(exits, atRisk.size());
            basis = ExitBasis.HISTORY;
        } else {
            exitProbability = DEFAULT_EXIT_PROBABILITY;
            basis = ExitBasis.DEFAULT;
        }
        return new Derived(
                today,
                annualCosts,
                idShare,
                yearsWithData.size(),
                historyArrivals,
                historyRate,
                registerArrivals,
                registerRate,
                rate,
                uncosted,
                atRisk.size(),
                exits,
                exitProbability,
                basis);
    }

    private static BigDecimal share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }
}
