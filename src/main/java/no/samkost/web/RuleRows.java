package no.samkost.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.ClaimView;
import no.samkost.reimbursement.RulesView;
import no.samkost.reimbursement.calculation.ValueStatus;

/** The rules a claim used, one row per value: the value, how sure it is, where it comes from, whether the claim needed it. */
final class RuleRows {

    /** One value of the rules as the claim page shows it. */
    public record Row(String label, String shown, String status, String source, String usedByClaim) {}

    private RuleRows() {}

    static List<Row> of(ClaimView claim) {
        RulesView rules = claim.rules();
        Map<String, RulesView.ValueSource> values = rules.values() == null ? Map.of() : rules.values();
        Map<String, ValueStatus> reliedOn = claim.rulesReliedOn();
        List<Row> rows = new ArrayList<>();
        add(rows, "threshold", "Innslagspunkt", Formats.nok(rules.threshold()), values, reliedOn, rules);
        add(
                rows,
                "compensationRate",
                "Kompensasjonsgrad",
                Formats.percent(rules.compensationRate()),
                values,
                reliedOn,
                rules);
        add(
                rows,
                "intellectualDisabilityDeduction",
                "Fradrag for utviklingshemming (ID-fradrag)",
                rules.intellectualDisabilityDeduction() == null
                        ? null
                        : Formats.nok(rules.intellectualDisabilityDeduction()),
                values,
                reliedOn,
                rules);
        add(
                rows,
                "intellectualDisabilityBornOnOrBefore",
                "ID-fradrag for dem født i eller før",
                year(rules.intellectualDisabilityBornOnOrBefore()),
                values,
                reliedOn,
                rules);
        add(
                rows,
                "eligibleBornOnOrAfter",
                "Omfattet når født i eller etter",
                year(rules.eligibleBornOnOrAfter()),
                values,
                reliedOn,
                rules);
        return rows;
    }

    private static void add(
            List<Row> rows,
            String parameter,
            String label,
            String shown,
            Map<String, RulesView.ValueSource> values,
            Map<String, ValueStatus> reliedOn,
            RulesView rules) {
        if (shown == null) {
            rows.add(new Row(label, "mangler", "", "", "nei"));
            return;
        }
        RulesView.ValueSource value = values.get(parameter);
        rows.add(new Row(
                label,
                shown,
                value == null ? "ikke oppgitt" : status(value.status()),
                value == null ? rules.source() : value.source(),
                reliedOn == null ? "ikke oppgitt" : reliedOn.containsKey(parameter) ? "ja" : "nei"));
    }

    private static String year(Integer year) {
        return year == null ? null : year.toString();
    }

    /** VERIFIED and the others in Norwegian. */
    static String status(ValueStatus status) {
        return switch (status) {
            case VERIFIED -> "kontrollert i rundskrivet";
            case SECONDARY -> "fra en annen offentlig kilde";
            case PATTERN -> "fra mønsteret i kontrollerte år";
            case PROJECTED -> "framskrevet";
        };
    }
}
