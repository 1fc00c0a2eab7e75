package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Explains the difference between a forecast's grant and the final claim's grant of the same cost
 * year in named parts ({@link Part}), in NOK, the parts summing exactly (to the øre) to {@code
 * claimGrant - forecastGrant}.
 *
 * <p>A side's grant is the sum over its recipients of {@link GrantCalculator#calculate}'s grant; a
 * grant that cannot be computed (null, {@link GrantReason#RULES_INCOMPLETE}) counts as 0.00, on
 * either side and in every state between them. Recipients are matched by {@code ref}.
 *
 * <p><b>Method.</b> A path of states from the forecast to the claim, one factor (a Part) substituted
 * at a time; each part is the change in the total grant at its step. Order O = the Part enum order
 * (recipients first: those only in the forecast leave, those in both change, those only in the
 * claim arrive; then the rules one value at a time). A state holds: a recipient set with figures,
 * and a rule set whose threshold / deduction (amount + cut-off) / age limit / rate each come from
 * one side.
 *
 * <p>With one fixed order the parts depend on the order (a threshold change is worth more when
 * costs rose first). So the result is the mean of two walks from the forecast to the claim: order O,
 * and order O reversed (rules first, in reverse, then recipients in reverse). This makes the
 * explanation symmetric: swapping the two sides negates every part exactly (the recipients that
 * leave one way arrive the other way, so {@code RECIPIENTS_ONLY_IN_FORECAST} and {@code
 * RECIPIENTS_ONLY_IN_CLAIM} change places). Each walk's parts are whole øre (each state's grant is
 * a sum of grants rounded to øre), so a mean may end in half an øre: round each mean half to even
 * to øre (antisymmetric: round(-x) = -round(x)), and give the øre the rounding left over
 * (difference - sum of rounded parts, a whole number of øre) to the first part whose mean ended in
 * half an øre (there always is one when something is left over): first in enum order when the
 * leftover is positive; when it is negative, first in enum order with the recipient parts taken in
 * reverse ({@code RECIPIENTS_ONLY_IN_CLAIM}, {@code COSTS_OF_RECIPIENTS_IN_BOTH}, {@code
 * RECIPIENTS_ONLY_IN_FORECAST}, then the rules), so that the swapped sides give the leftover to the
 * same part. Then:
 *
 * <ul>
 *   <li>the parts sum exactly to the difference;
 *   <li>all parts are 0.00 when both sides are equal (same rules values, same recipients and
 *       figures);
 *   <li>explain(claim, forecast) has every part negated (the two recipient-set parts exchanged).
 * </ul>
 *
 * <p>Money: BigDecimal scale 2 everywhere, never double. The parts depend only on the rules'
 * values, never on their grant year or provenance.
 */
public final class GrantVariance {

    /** The factors, in the order O of the first walk. */
    public enum Part {
        /** They leave: expected in the forecast, but no cost in the claim. */
        RECIPIENTS_ONLY_IN_FORECAST,
        /**
         * A recipient's figures change: costs, earmarked grants, host-municipality grant, user
         * payments (and birth year / intellectual disability if they differ).
         */
        COSTS_OF_RECIPIENTS_IN_BOTH,
        /** They arrive: costs in the claim, not expected in the forecast. */
        RECIPIENTS_ONLY_IN_CLAIM,
        /** Rules: the threshold. */
        THRESHOLD,
        /** Rules: the intellectual disability deduction's amount and its birth-year cut-off. */
        INTELLECTUAL_DISABILITY_DEDUCTION,
        /** Rules: the age limit (eligibleBornOnOrAfter). */
        AGE_LIMIT,
        /** Rules: the compensation rate. */
        COMPENSATION_RATE
    }

    /**
     * One side: its rules and its recipients' figures.
     *
     * @param recipients each ref at most once
     */
    public record Side(GrantRules rules, List<RecipientYear> recipients) {
        public Side {
            Objects.requireNonNull(rules, "rules");
            recipients = List.copyOf(recipients);
            Set<String> refs = new HashSet<>();
            for (RecipientYear r : recipients) {
                if (!refs.add(r.ref())) {
                    throw new IllegalArgumentException("recipient " + r.ref() + " appears twice on one side");
                }
            }
        }
    }

    /**
     * @param difference {@code claimGrant - forecastGrant}
     * @param parts every Part, in enum order, summing exactly to {@code difference}
     */
    public record Result(
            BigDecimal forecastGrant, BigDecimal claimGrant, BigDecimal difference, Map<Part, BigDecimal> parts) {}

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(GrantCalculator.ORE);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private static final List<Part> ORDER = List.of(Part.values());
    private static final List<Part> REVERSED = reversed(ORDER);

    /** Where a negative leftover goes: enum order, the recipient parts in reverse. */
    private static final List<Part> NEGATIVE_LEFTOVER_ORDER = List.of(
            Part.RECIPIENTS_ONLY_IN_CLAIM,
            Part.COSTS_OF_RECIPIENTS_IN_BOTH,
            Part.RECIPIENTS_ONLY_IN_FORECAST,
            Part.THRESHOLD,
            Part.INTELLECTUAL_DISABILITY_DEDUCTION,
            Part.AGE_LIMIT,
            Part.COMPENSATION_RATE);

    private GrantVariance() {}

    public static Result explain(Side forecast, Side claim) {
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(claim, "claim");
        Path path = new Path(forecast, claim);
        BigDecimal forecastGrant = grant(forecast.rules(), forecast.recipients());
        BigDecimal claimGrant = grant(claim.rules(), claim.recipients());
        BigDecimal difference = claimGrant.subtract(forecastGrant);

        Map<Part, BigDecimal> first = path.walk(ORDER);
        Map<Part, BigDecimal> second = path.walk(REVERSED);

        Map<Part, BigDecimal> parts = new EnumMap<>(Part.class);
        Set<Part> halves = EnumSet.noneOf(Part.class);
        BigDecimal rounded = ZERO;
        for (Part part : ORDER) {
            BigDecimal twice = first.get(part).add(second.get(part)); // whole øre
            if (twice.unscaledValue().testBit(0)) {
                halves.add(part);
            }
            BigDecimal mean = twice.divide(TWO).setScale(GrantCalculator.ORE, RoundingMode.HALF_EVEN);
            parts.put(part, mean);
            rounded = rounded.add(mean);
        }
        BigDecimal leftover = difference.subtract(rounded);
        if (leftover.signum() != 0) {
            List<Part> order = leftover.signum() > 0 ? ORDER : NEGATIVE_LEFTOVER_ORDER;
            Part to = order.stream()
                    .filter(halves::contains)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("øre left over without a half-øre part"));
            parts.put(to, parts.get(to).add(leftover));
        }
        return new Result(forecastGrant, claimGrant, difference, Collections.unmodifiableMap(parts));
    }

    /** The states between the two sides, each given by the factors already taken from the claim. */
    private static final class Path {
        private final Side forecast;
        private final Side claim;
        private final Map<String, RecipientYear> claimByRef = new LinkedHashMap<>();
        private final Set<String> forecastRefs = new HashSet<>();
        private final Map<Set<Part>, BigDecimal> grants = new LinkedHashMap<>();
        /** Parts whose substitution leaves the state as it was: a state is the same with or without them. */
        private final Set<Part> unchanged = EnumSet.noneOf(Part.class);

        Path(Side forecast, Side claim) {
            this.forecast = forecast;
            this.claim = claim;
            claim.recipients().forEach(r -> claimByRef.put(r.ref(), r));
            forecast.recipients().forEach(r -> forecastRefs.add(r.ref()));
            if (forecastRefs.stream().allMatch(claimByRef::containsKey)) {
                unchanged.add(Part.RECIPIENTS_ONLY_IN_FORECAST);
            }
            if (claimByRef.keySet().stream().allMatch(forecastRefs::contains)) {
                unchanged.add(Part.RECIPIENTS_ONLY_IN_CLAIM);
            }
            GrantRules f = forecast.rules();
            GrantRules c = claim.rules();
            if (same(f.threshold(), c.threshold())) {
                unchanged.add(Part.THRESHOLD);
            }
            if (same(f.intellectualDisabilityDeduction(), c.intellectualDisabilityDeduction())
                    && Objects.equals(
                            f.intellectualDisabilityBornOnOrBefore(), c.intellectualDisabilityBornOnOrBefore())) {
                unchanged.add(Part.INTELLECTUAL_DISABILITY_DEDUCTION);
            }
            if (Objects.equals(f.eligibleBornOnOrAfter(), c.eligibleBornOnOrAfter())) {
                unchanged.add(Part.AGE_LIMIT);
            }
            if (same(f.compensationRate(), c.compensationRate())) {
                unchanged.add(Part.COMPENSATION_RATE);
            }
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }

        /** Each part's change in the total grant, substituting the parts in this order. */
        Map<Part, BigDecimal> walk(List<Part> order) {
            Map<Part, BigDecimal> steps = new EnumMap<>(Part.class);
            Set<Part> taken = EnumSet.noneOf(Part.class);
            BigDecimal before = grant(taken);
            for (Part part : order) {
                taken.add(part);
                BigDecimal after = grant(taken);
                steps.put(part, after.subtract(before));
                before = after;
            }
            return steps;
        }

        /**
         * The state's total grant, computed once per distinct state: taking a part that changes
         * nothing gives the state before it, so such parts are left out of the key (a pure saving;
         * the states, and so the parts, are the same).
         */
        private BigDecimal grant(Set<Part> taken) {
            Set<Part> key = EnumSet.noneOf(Part.class);
            key.addAll(taken);
            key.removeAll(unchanged);
            return grants.computeIfAbsent(key, t -> GrantVariance.grant(rules(t), recipients(t)));
        }

        private List<RecipientYear> recipients(Set<Part> taken) {
            List<RecipientYear> state = new ArrayList<>();
            for (RecipientYear r : forecast.recipients()) {
                RecipientYear inClaim = claimByRef.get(r.ref());
                if (inClaim == null) {
                    if (!taken.contains(Part.RECIPIENTS_ONLY_IN_FORECAST)) {
                        state.add(r);
                    }
                } else {
                    state.add(taken.contains(Part.COSTS_OF_RECIPIENTS_IN_BOTH) ? inClaim : r);
                }
            }
            if (taken.contains(Part.RECIPIENTS_ONLY_IN_CLAIM)) {
                for (RecipientYear r : claim.recipients()) {
                    if (!forecastRefs.contains(r.ref())) {
                        state.add(r);
                    }
                }
            }
            return state;
        }

        private GrantRules rules(Set<Part> taken) {
            return mixed(
                    forecast.rules(),
                    claim.rules(),
                    taken.contains(Part.THRESHOLD),
                    taken.contains(Part.INTELLECTUAL_DISABILITY_DEDUCTION),
                    taken.contains(Part.AGE_LIMIT),
                    taken.contains(Part.COMPENSATION_RATE));
        }
    }

    /**
     * A rule set with each value from the claim's rules where asked, else from the forecast's. The
     * only place a hybrid is built. Its grant year is the claim's and its provenance a placeholder:
     * neither is read by the calculator, and a hybrid is never shown.
     */
    private static GrantRules mixed(
            GrantRules forecast,
            GrantRules claim,
            boolean threshold,
            boolean deduction,
            boolean ageLimit,
            boolean rate) {
        GrantRules id = deduction ? claim : forecast;
        return new GrantRules(
                claim.grantYear(),
                (threshold ? claim : forecast).threshold(),
                (rate ? claim : forecast).compensationRate(),
                id.intellectualDisabilityDeduction(),
                id.intellectualDisabilityBornOnOrBefore(),
                (ageLimit ? claim : forecast).eligibleBornOnOrAfter(),
                RuleProvenance.of(ValueStatus.SECONDARY, "variance: mixed rules"));
    }

    private static List<Part> reversed(List<Part> parts) {
        List<Part> copy = new ArrayList<>(parts);
        Collections.reverse(copy);
        return List.copyOf(copy);
    }

    /** The sum of the recipients' grants; a grant that cannot be computed counts as 0.00. */
    private static BigDecimal grant(GrantRules rules, List<RecipientYear> recipients) {
        BigDecimal sum = ZERO;
        for (RecipientYear r : recipients) {
            BigDecimal g = GrantCalculator.calculate(rules, r).grant();
            if (g != null) {
                sum = sum.add(g);
            }
        }
        return sum;
    }
}
