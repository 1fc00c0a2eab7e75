package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The claim of a cost year still running, estimated: what is booked so far plus the months not
 * yet booked, and the grant of each recipient under the year's rules (or projected rules).
 *
 * <p>The method, in full:
 *
 * <ol>
 *   <li>The <b>last booked month</b> is the latest month of the year with any line of any recipient
 *       of the municipality; the months after it, to December, are projected. (December booked:
 *       nothing is projected.)
 *   <li>A recipient with a line in the last booked month <b>continues</b>: each month to come
 *       costs the mean of its last three booked months (fewer if it has fewer), group by group
 *       (direct wage costs, earmarked grants, host-municipality grant, user payments), each mean
 *       rounded half up to øre; a month it has no line of a group counts as 0 for that group.
 *   <li>A recipient whose last line is older has <b>ended</b>: nothing is projected for it.
 *   <li>The coordinator's <b>overrides</b> come before both: an expected end month (nothing after
 *       it), an expected monthly direct wage cost (instead of the mean; deductions keep theirs), and
 *       an expected start month for a recipient not yet in the ledger (or back after a pause),
 *       which then costs the expected monthly amount from that month, with no deductions.
 *   <li>Projected = monthly amount x months to come; total = booked + projected; the grant is the
 *       claim's own calculation ({@link GrantCalculator}) on the totals.
 *   <li><b>Near the threshold</b>: the costs less the deductions (what the threshold is compared
 *       with) lie within 10 % of the threshold either way; a small change flips such a grant, which
 *       is the estimate's real uncertainty.
 * </ol>
 */
public final class ClaimEstimate {

    /** The share of the threshold within which a recipient counts as near it. */
    public static final BigDecimal NEAR = new BigDecimal("0.10");

    static final int MEAN_OF = 3;

    private ClaimEstimate() {}

    /** One month of a recipient's lines, summed by what the grant counts them as. */
    public record Month(
            BigDecimal directWageCosts,
            BigDecimal earmarkedGrants,
            BigDecimal hostMunicipalityGrant,
            BigDecimal userPayments) {

        public static final Month ZERO = new Month(money0(), money0(), money0(), money0());

        public Month {
            directWageCosts = money(directWageCosts);
            earmarkedGrants = money(earmarkedGrants);
            hostMunicipalityGrant = money(hostMunicipalityGrant);
            userPayments = money(userPayments);
        }

        Month plus(Month o) {
            return new Month(
                    directWageCosts.add(o.directWageCosts),
                    earmarkedGrants.add(o.earmarkedGrants),
                    hostMunicipalityGrant.add(o.hostMunicipalityGrant),
                    userPayments.add(o.userPayments));
        }

        Month times(int months) {
            BigDecimal n = BigDecimal.valueOf(months);
            return new Month(
                    directWageCosts.multiply(n),
                    earmarkedGrants.multiply(n),
                    hostMunicipalityGrant.multiply(n),
                    userPayments.multiply(n));
        }

        Month meanOf(int months) {
            BigDecimal n = BigDecimal.valueOf(months);
            return new Month(
                    directWageCosts.divide(n, 2, RoundingMode.HALF_UP),
                    earmarkedGrants.divide(n, 2, RoundingMode.HALF_UP),
                    hostMunicipalityGrant.divide(n, 2, RoundingMode.HALF_UP),
                    userPayments.divide(n, 2, RoundingMode.HALF_UP));
        }

        Month withDirectWageCosts(BigDecimal amount) {
            return new Month(amount, earmarkedGrants, hostMunicipalityGrant, userPayments);
        }
    }

    /** A recipient's booked months of the cost year (1-12), with what its grant depends on. */
    public record Ledger(String ref, int birthYear, boolean intellectualDisability, SortedMap<Integer, Month> months) {
        public Ledger {
            Objects.requireNonNull(ref, "ref");
            months = new TreeMap<>(months);
            for (int month : months.keySet()) {
                if (month < 1 || month > 12) {
                    throw new IllegalArgumentException("month " + month + " of " + ref);
                }
            }
        }
    }

    /**
     * What the estimate needs of a recipient's booked months, all a database can sum for it: the
     * sum of every booked month, whether it has a line in the municipality's last booked month
     * (active), and for an active one the sum of its own last three booked months (fewer if it has
     * fewer) with how many they are.
     */
    public record BookedSoFar(
            String ref,
            int birthYear,
            boolean intellectualDisability,
            Month booked,
            boolean active,
            Month lastThree,
            int lastThreeCount) {
        public BookedSoFar {
            Objects.requireNonNull(ref, "ref");
            if (active ? lastThreeCount < 1 || lastThreeCount > MEAN_OF : lastThreeCount != 0) {
                throw new IllegalArgumentException(
                        (active ? "an active recipient needs 1-3" : "an ended one has no") + " last months: " + ref);
            }
        }

        /** From a recipient's months, given the municipality's last booked month. */
        public static BookedSoFar of(Ledger ledger, int lastBookedMonth) {
            List<Month> months = new ArrayList<>(ledger.months().values());
            boolean active = lastBookedMonth > 0 && ledger.months().containsKey(lastBookedMonth);
            List<Month> lastThree =
                    active ? months.subList(Math.max(0, months.size() - MEAN_OF), months.size()) : List.of();
            return new BookedSoFar(
                    ledger.ref(),
                    ledger.birthYear(),
                    ledger.intellectualDisability(),
                    months.stream().reduce(Month.ZERO, Month::plus),
                    active,
                    lastThree.stream().reduce(Month.ZERO, Month::plus),
                    lastThree.size());
        }

        Month meanOfLastThree() {
            return lastThreeCount == 0 ? Month.ZERO : lastThree.meanOf(lastThreeCount);
        }
    }

    /**
     * The coordinator's expectations for one recipient; each null when not given.
     *
     * @param endMonth the last month with costs (1-12)
     * @param monthlyDirectWageCosts instead of the mean of the last three months
     * @param fromMonth for a recipient without lines yet (or back after a pause): costs from this month
     */
    public record Override(Integer endMonth, BigDecimal monthlyDirectWageCosts, Integer fromMonth) {}

    /** A recipient the estimate knows of only from its override (registered, no lines yet). */
    public record Expected(String ref, int birthYear, boolean intellectualDisability) {}

    /** Why a recipient is projected as it is. */
    public enum Basis {
        /** active in the last booked month: the mean of its last three booked months */
        CONTINUES,
        /** its last line is older than the last booked month: nothing projected */
        ENDED,
        /** the coordinator's override decides */
        OVERRIDDEN,
        /** the year is booked to December: nothing left to project */
        YEAR_BOOKED
    }

    public record Line(
            String ref,
            Basis basis,
            Month booked,
            Month monthly,
            int monthsProjected,
            Month projected,
            Month total,
            RecipientGrant grant,
            BigDecimal againstThreshold,
            boolean nearThreshold) {}

    public record Result(
            int costYear,
            int lastBookedMonth,
            List<Line> lines,
            Month booked,
            Month projected,
            Month total,
            BigDecimal grant,
            int recipientsNearThreshold,
            int recipientsWithUnknownGrant) {}

    public static Result estimate(
            int costYear,
            GrantRules rules,
            List<Ledger> ledgers,
            Map<String, Override> overrides,
            List<Expected> expected) {
        int last = ledgers.stream()
                .filter(l -> !l.months().isEmpty())
                .mapToInt(l -> l.months().lastKey())
                .max()
                .orElse(0);
        return estimateFrom(
                costYear,
                rules,
                last,
                ledgers.stream().map(l -> BookedSoFar.of(l, last)).toList(),
                overrides,
                expected);
    }

    /**
     * The same from each recipient's sums (see {@link BookedSoFar}) and the municipality's last
     * booked month (1-12, 0 for none).
     */
    public static Result estimateFrom(
            int costYear,
            GrantRules rules,
            int last,
            List<BookedSoFar> booked,
            Map<String, Override> overrides,
            List<Expected> expected) {
        if (last < 0 || last > 12) {
            throw new IllegalArgumentException("last booked month " + last);
        }
        Map<String, BookedSoFar> byRef = new LinkedHashMap<>();
        booked.forEach(b -> byRef.put(b.ref(), b));
        for (Expected e : expected) {
            byRef.putIfAbsent(
                    e.ref(),
                    new BookedSoFar(
                            e.ref(), e.birthYear(), e.intellectualDisability(), Month.ZERO, false, Month.ZERO, 0));
        }
        List<Line> lines = new ArrayList<>();
        Month bookedSum = Month.ZERO;
        Month projected = Month.ZERO;
        Month total = Month.ZERO;
        BigDecimal grant = money0();
        int near = 0;
        int unknown = 0;
        for (BookedSoFar recipient : byRef.values()) {
            Line line = line(rules, recipient, last, overrides.get(recipient.ref()));
            lines.add(line);
            bookedSum = bookedSum.plus(line.booked());
            projected = projected.plus(line.projected());
            total = total.plus(line.total());
            if (line.grant().grant() == null) {
                unknown++;
            } else {
                grant = grant.add(line.grant().grant());
            }
            near += line.nearThreshold() ? 1 : 0;
        }
        return new Result(costYear, last, lines, bookedSum, projected, total, grant, near, unknown);
    }

    static Line line(GrantRules rules, BookedSoFar recipient, int last, Override override) {
        Month booked = recipient.booked();
        boolean active = last > 0 && recipient.active();
        Basis basis;
        Month monthly;
        int firstMonth = last + 1;
        int endMonth = 12;
        if (last == 12) {
            basis = Basis.YEAR_BOOKED;
            monthly = Month.ZERO;
        } else if (override != null) {
            basis = Basis.OVERRIDDEN;
            monthly = active ? recipient.meanOfLastThree() : Month.ZERO;
            if (override.fromMonth() != null) {
                firstMonth = Math.max(firstMonth, override.fromMonth());
            } else if (!active) {
                monthly = Month.ZERO; // ended, and the override does not bring it back
            }
            if (override.monthlyDirectWageCosts() != null && (active || override.fromMonth() != null)) {
                monthly = monthly.withDirectWageCosts(override.monthlyDirectWageCosts());
            }
            if (override.endMonth() != null) {
                endMonth = Math.min(endMonth, override.endMonth());
            }
        } else if (active) {
            basis = Basis.CONTINUES;
            monthly = recipient.meanOfLastThree();
        } else {
            basis = Basis.ENDED;
            monthly = Month.ZERO;
        }
        int months = Math.max(0, endMonth - firstMonth + 1);
        Month projected = monthly.times(months);
        Month total = booked.plus(projected);
        RecipientGrant grant = GrantCalculator.calculate(
                rules,
                new RecipientYear(
                        recipient.ref(),
                        recipient.birthYear(),
                        recipient.intellectualDisability(),
                        total.directWageCosts(),
                        total.earmarkedGrants(),
                        total.hostMunicipalityGrant(),
                        total.userPayments()));
        BigDecimal against = againstThreshold(grant);
        boolean near = against != null
                && against.subtract(rules.threshold())
                                .abs()
                                .compareTo(rules.threshold().multiply(NEAR))
                        <= 0;
        return new Line(recipient.ref(), basis, booked, monthly, months, projected, total, grant, against, near);
    }

    /** Costs less every deduction: what the threshold is compared with; null when a deduction is unknown. */
    static BigDecimal againstThreshold(RecipientGrant g) {
        if (g.intellectualDisabilityDeduction() == null) {
            return null;
        }
        return g.costs()
                .subtract(g.earmarkedGrants())
                .subtract(g.hostMunicipalityGrant())
                .subtract(g.userPayments())
                .subtract(g.intellectualDisabilityDeduction());
    }

    static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    static BigDecimal money0() {
        return BigDecimal.ZERO.setScale(2);
    }
}
