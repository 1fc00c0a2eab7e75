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
        Map<String, ValueStatus> rulesReliedOn) {}
