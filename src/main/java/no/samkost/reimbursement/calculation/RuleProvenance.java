package no.samkost.reimbursement.calculation;

import java.util.Map;
import java.util.Objects;

/**
 * Where a grant year's values come from and how sure each is: the rule set's source and a status
 * that holds for every value unless the value has its own ({@code statusOf}, {@code sourceOf}). A
 * projection also carries the assumptions it was computed under.
 *
 * @param projectedFrom for each PROJECTED value, the grant year it was projected from
 * @param projection null unless some value is projected
 */
public record RuleProvenance(
        String source,
        ValueStatus status,
        Map<String, ValueStatus> statusOf,
        Map<String, String> sourceOf,
        Map<String, Integer> projectedFrom,
        ProjectionAssumptions projection) {

    public RuleProvenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        statusOf = statusOf == null ? Map.of() : Map.copyOf(statusOf);
        sourceOf = sourceOf == null ? Map.of() : Map.copyOf(sourceOf);
        projectedFrom = projectedFrom == null ? Map.of() : Map.copyOf(projectedFrom);
        if (!projectedFrom.isEmpty() && projection == null) {
            throw new IllegalArgumentException("projected values need the assumptions they were projected under");
        }
        for (String name : statusOf.keySet()) {
            if (!GrantRules.PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("no rule value named " + name);
            }
        }
        for (String name : sourceOf.keySet()) {
            if (!GrantRules.PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("no rule value named " + name);
            }
        }
    }

    /** Every value from one source with one status. */
    public static RuleProvenance of(ValueStatus status, String source) {
        return new RuleProvenance(source, status, Map.of(), Map.of(), Map.of(), null);
    }

    public ValueStatus statusOf(String parameter) {
        return statusOf.getOrDefault(parameter, status);
    }

    /** The grant year a PROJECTED value was grown from; empty for a value a source gives. */
    public java.util.Optional<Integer> projectedFrom(String parameter) {
        return java.util.Optional.ofNullable(projectedFrom.get(parameter));
    }

    public String sourceOf(String parameter) {
        return sourceOf.getOrDefault(parameter, source);
    }
}
