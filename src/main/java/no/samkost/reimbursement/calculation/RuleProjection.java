package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A grant year's rules from the rule book's entries, each value from the best source there is:
 *
 * <ol>
 *   <li>the year's own entry, with the status and source it gives;
 *   <li>for a birth-year cut-off the year's entry lacks, the pattern of every verified year: the
 *       deduction for those born in or before G - 19, the age limit from G - 68 (PATTERN);
 *   <li>for a threshold, rate or deduction it lacks, a projection from the newest earlier year
 *       that has the value (PROJECTED): year by year, the threshold grows by the wage growth and
 *       then by the extra step, the deduction by the wage growth (the state's extra steps were on
 *       the threshold), each rounded half up to whole thousands, as the circulars publish them;
 *       the rate stays as it was.
 * </ol>
 *
 * A year is answered from the book's first year to {@link #MAX_YEARS_AHEAD} past its last. Without
 * an earlier threshold or rate there are no rules; without an earlier deduction the deduction stays
 * missing, and a claim that needs it says RULES_INCOMPLETE rather than guessing.
 */
public final class RuleProjection {

    /** A projection reaches at most this many grant years past the newest in the book. */
    public static final int MAX_YEARS_AHEAD = 10;

    static final int DEDUCTION_AGE = 19;
    static final int AGE_LIMIT = 68;
    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    private RuleProjection() {}

    /**
     * A planning projection (a scenario over up to 15 cost years from today) reaches this far; the
     * rule book's own answers stop at {@link #MAX_YEARS_AHEAD}.
     */
    public static final int PLANNING_YEARS_AHEAD = 25;

    /** The rules of {@code grantYear}, or empty when it is outside the book's reach. */
    public static Optional<GrantRules> complete(
            NavigableMap<Integer, RuleEntry> book, int grantYear, ProjectionAssumptions assumptions) {
        return complete(book, grantYear, assumptions, MAX_YEARS_AHEAD);
    }

    /** As {@link #complete(NavigableMap, int, ProjectionAssumptions)}, reaching {@code yearsAhead}. */
    public static Optional<GrantRules> complete(
            NavigableMap<Integer, RuleEntry> book, int grantYear, ProjectionAssumptions assumptions, int yearsAhead) {
        if (book.isEmpty() || grantYear < book.firstKey() || grantYear > book.lastKey() + yearsAhead) {
            return Optional.empty();
        }
        RuleEntry own = book.get(grantYear);
        Map<String, ValueStatus> statusOf = new HashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        Map<String, Integer> projectedFrom = new HashMap<>();
        Values values = new Values(statusOf, sourceOf, projectedFrom, own);

        Optional<RuleEntry> thresholdBase = newestWith(book, grantYear, "threshold");
        Optional<RuleEntry> rateBase = newestWith(book, grantYear, "compensationRate");
        if (thresholdBase.isEmpty() || rateBase.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal growth = BigDecimal.ONE.add(assumptions.yearlyWageGrowth());
        BigDecimal threshold = thresholdBase.get().threshold();
        for (int year = thresholdBase.get().grantYear() + 1; year <= grantYear; year++) {
            threshold = thousands(threshold.multiply(growth).add(assumptions.yearlyExtraStep()));
        }
        values.from("threshold", thresholdBase.get(), grantYear);
        values.from("compensationRate", rateBase.get(), grantYear);

        Optional<RuleEntry> deductionBase = newestWith(book, grantYear, "intellectualDisabilityDeduction");
        BigDecimal deduction = null;
        if (deductionBase.isPresent()) {
            deduction = deductionBase.get().intellectualDisabilityDeduction();
            for (int year = deductionBase.get().grantYear() + 1; year <= grantYear; year++) {
                deduction = thousands(deduction.multiply(growth));
            }
            values.from("intellectualDisabilityDeduction", deductionBase.get(), grantYear);
        }

        Integer deductionCutOff = values.ownOrPattern(
                "intellectualDisabilityBornOnOrBefore",
                own == null ? null : own.intellectualDisabilityBornOnOrBefore(),
                grantYear - DEDUCTION_AGE,
                "grant year - " + DEDUCTION_AGE);
        Integer ageLimit = values.ownOrPattern(
                "eligibleBornOnOrAfter",
                own == null ? null : own.eligibleBornOnOrAfter(),
                grantYear - AGE_LIMIT,
                "grant year - " + AGE_LIMIT);

        String source = own != null
                ? own.provenance().source()
                : "no figures for grant year " + grantYear + ": each value projected or from the pattern";
        ValueStatus status = own != null ? own.provenance().status() : ValueStatus.PROJECTED;
        return Optional.of(new GrantRules(
                grantYear,
                threshold,
                rateBase.get().compensationRate(),
                deduction,
                deductionCutOff,
                ageLimit,
                new RuleProvenance(
                        source,
                        status,
                        statusOf,
                        sourceOf,
                        projectedFrom,
                        projectedFrom.isEmpty() ? null : assumptions)));
    }

    /** Every value of {@code grantYear} projected from one complete base year (a book of one year). */
    public static GrantRules project(GrantRules base, int grantYear, ProjectionAssumptions assumptions) {
        if (grantYear <= base.grantYear() || grantYear > base.grantYear() + MAX_YEARS_AHEAD) {
            throw new IllegalArgumentException("a projection reaches grant years " + (base.grantYear() + 1) + " to "
                    + (base.grantYear() + MAX_YEARS_AHEAD) + ", not " + grantYear);
        }
        return complete(new TreeMap<>(Map.of(base.grantYear(), RuleEntry.of(base))), grantYear, assumptions)
                .orElseThrow();
    }

    private static Optional<RuleEntry> newestWith(NavigableMap<Integer, RuleEntry> book, int grantYear, String value) {
        return book.headMap(grantYear, true).descendingMap().values().stream()
                .filter(e -> e.has(value))
                .findFirst();
    }

    /** Collects each value's status and source as it is decided. */
    private record Values(
            Map<String, ValueStatus> statusOf,
            Map<String, String> sourceOf,
            Map<String, Integer> projectedFrom,
            RuleEntry own) {

        void from(String value, RuleEntry base, int grantYear) {
            if (base.grantYear() == grantYear) {
                statusOf.put(value, base.provenance().statusOf(value));
                sourceOf.put(value, base.provenance().sourceOf(value));
            } else {
                statusOf.put(value, ValueStatus.PROJECTED);
                sourceOf.put(
                        value,
                        "projected from grant year " + base.grantYear() + " ("
                                + base.provenance().sourceOf(value) + ")");
                projectedFrom.put(value, base.grantYear());
            }
        }

        Integer ownOrPattern(String value, Integer given, int pattern, String rule) {
            if (given != null) {
                statusOf.put(value, own.provenance().statusOf(value));
                sourceOf.put(value, own.provenance().sourceOf(value));
                return given;
            }
            statusOf.put(value, ValueStatus.PATTERN);
            sourceOf.put(value, rule + ", the pattern of IS-4/2015, IS-4/2021 and IS-4/2024");
            return pattern;
        }
    }

    private static BigDecimal thousands(BigDecimal amount) {
        return amount.divide(THOUSAND, 0, RoundingMode.HALF_UP)
                .multiply(THOUSAND)
                .setScale(2);
    }
}
