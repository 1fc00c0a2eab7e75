package no.samkost.reimbursement;

import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.ValueStatus;

/**
 * A claim's figures: what the ledger and the year's rules give (live), or what was frozen at a
 * submission (the snapshot, whose canonical JSON is exactly this record's). The rules are carried
 * with each value's status, and {@code rulesReliedOn} names the values the recipients' grants
 * depended on with their status, so the snapshot says what it rested on (null in snapshots made
 * before statuses existed).
 */
public record ClaimFigures(
        String municipality,
        int costYear,
        int grantYear,
        RulesView rules,
        List<ClaimView.RecipientLine> recipients,
        ClaimView.Totals totals,
        Map<String, ValueStatus> rulesReliedOn) {

    /**
     * The values the grants rest on that the rule book only projects, by name: a claim signed under
     * the circular IS-4/grantYear must rest on none. A projected value no grant needs (the deduction
     * when no recipient has it) does not count.
     */
    public List<String> projectedValuesReliedOn() {
        return rulesReliedOn == null
                ? List.of()
                : rulesReliedOn.entrySet().stream()
                        .filter(e -> e.getValue() == ValueStatus.PROJECTED)
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList();
    }
}
