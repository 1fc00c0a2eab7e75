package no.samkost.reimbursement.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the rule book holds for one grant year: the values a source gives, any of which may be
 * absent (a year may be known only in part, or not at all). {@link RuleProjection#complete}
 * turns the entries into a grant year's {@link GrantRules}.
 */
public record RuleEntry(
        int grantYear,
        BigDecimal threshold,
        BigDecimal compensationRate,
        BigDecimal intellectualDisabilityDeduction,
        Integer intellectualDisabilityBornOnOrBefore,
        Integer eligibleBornOnOrAfter,
        RuleProvenance provenance) {

    public RuleEntry {
        Objects.requireNonNull(provenance, "provenance");
        for (String name : provenance.statusOf().keySet()) {
            if (!has(
                    name,
                    threshold,
                    compensationRate,
                    intellectualDisabilityDeduction,
                    intellectualDisabilityBornOnOrBefore,
                    eligibleBornOnOrAfter)) {
                throw new IllegalArgumentException(
                        "a status for " + name + ", which grant year " + grantYear + " does not have");
            }
        }
    }

    /** True when this entry gives the value named as in {@link GrantRules#PARAMETERS}. */
    public boolean has(String parameter) {
        return has(
                parameter,
                threshold,
                compensationRate,
                intellectualDisabilityDeduction,
                intellectualDisabilityBornOnOrBefore,
                eligibleBornOnOrAfter);
    }

    private static boolean has(
            String parameter,
            BigDecimal threshold,
            BigDecimal rate,
            BigDecimal deduction,
            Integer deductionCutOff,
            Integer ageLimit) {
        return switch (parameter) {
            case "threshold" -> threshold != null;
            case "compensationRate" -> rate != null;
            case "intellectualDisabilityDeduction" -> deduction != null;
            case "intellectualDisabilityBornOnOrBefore" -> deductionCutOff != null;
            case "eligibleBornOnOrAfter" -> ageLimit != null;
            default -> throw new IllegalArgumentException("no rule value named " + parameter);
        };
    }

    /** A complete rule set as an entry (tests and operators' files written in full). */
    public static RuleEntry of(GrantRules rules) {
        return new RuleEntry(
                rules.grantYear(),
                rules.threshold(),
                rules.compensationRate(),
                rules.intellectualDisabilityDeduction(),
                rules.intellectualDisabilityBornOnOrBefore(),
                rules.eligibleBornOnOrAfter(),
                rules.provenance());
    }
}
