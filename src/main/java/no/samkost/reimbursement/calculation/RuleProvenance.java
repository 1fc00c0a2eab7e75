package no.samkost.reimbursement.calculation;

import java.util.Map;
import java.util.Objects;

/**
 * Where a grant year's values come from and how sure each is: the rule set's source and a status
 * that holds for every value unless the value has its own ({@code statusOf}, {@code sourceOf}). A
 * projection also carries the assumptions it was computed under.
 *
 * @param projection null unless the values are projected
 */
public record RuleProvenance(
        String source,
        ValueStatus status,
        Map<String, ValueStatus> statusOf,
        Map<String, String> sourceOf,
        ProjectionAssumptions projection) {

    public RuleProvenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        statusOf = statusOf == null ? Map.of() : Map.copyOf(statusOf);
        sourceOf = sourceOf == null ? Map.of() : Map.copyOf(sourceOf);
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
        return new RuleProvenance(source, status, Map.of(), Map.of(), null);
    }

    public ValueStatus statusOf(String parameter) {
        return statusOf.getOrDefault(parameter, status);
    }

    public String sourceOf(String parameter) {
        return sourceOf.getOrDefault(parameter, source);
    }
}
