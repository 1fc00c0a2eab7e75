package no.samkost.reimbursement;

import java.util.List;

/**
 * A claim's figures: what the ledger and the year's rules give (live), or what was frozen at a
 * submission (the snapshot, whose canonical JSON is exactly this record's). The rules are carried
 * with their verification status, so the snapshot says what it rested on.
 */
public record ClaimFigures(
        String municipality,
        int costYear,
        int grantYear,
        RulesView rules,
        List<ClaimView.RecipientLine> recipients,
        ClaimView.Totals totals) {}
