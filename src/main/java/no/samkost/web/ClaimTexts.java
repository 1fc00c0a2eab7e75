package no.samkost.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;
import no.samkost.reimbursement.ClaimState;

/**
 * Norwegian names for what the API says in English codes: a claim's state ({@code {state.norsk}}),
 * the fields of the claim's differences, and the audit trail's actions. Words only; no figure.
 */
public final class ClaimTexts {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("recipients", "mottakere"),
            Map.entry("eligibleRecipients", "mottakere med rett til tilskudd"),
            Map.entry("costs", "direkte lønnskostnader"),
            Map.entry("earmarkedGrants", "fradrag: øremerkede tilskudd"),
            Map.entry("hostMunicipalityGrant", "fradrag: vertskommunetilskudd"),
            Map.entry("userPayments", "fradrag: egenbetaling"),
            Map.entry("intellectualDisability", "fradrag: psykisk utviklingshemming"),
            Map.entry("basis", "beregningsgrunnlag"),
            Map.entry("grant", "tilskudd"));

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("claim.submit", "kravet signert og sendt til revisor"),
            Map.entry("claim.attest", "kravet attestert"),
            Map.entry("claim.return", "kravet sendt tilbake"),
            Map.entry("claim.reopen", "kravet åpnet igjen av koordinator"),
            Map.entry("claim.read", "kravet lest"),
            Map.entry("claim.submissions.read", "innsendingene lest"),
            Map.entry("audit.read", "revisjonssporet lest"),
            Map.entry("claim.estimate.read", "anslaget for året lest"),
            Map.entry("claim.estimate.override", "forventning for en mottaker lagret"),
            Map.entry("claim.estimate.override.delete", "forventning for en mottaker fjernet"),
            Map.entry("claim.forecast.save", "prognose lagret"),
            Map.entry("claim.forecasts.read", "prognosene lest"),
            Map.entry("claim.forecast.read", "en prognose lest"),
            Map.entry("claim.variance.read", "avviket mot en prognose lest"));

    private static final Map<String, String> RULE_PARAMETERS = Map.ofEntries(
            Map.entry("threshold", "innslagspunkt"),
            Map.entry("compensationRate", "kompensasjonsgrad"),
            Map.entry("intellectualDisabilityDeduction", "fradrag for psykisk utviklingshemmede"),
            Map.entry("intellectualDisabilityBornOnOrBefore", "fradraget gjelder født til og med"),
            Map.entry("eligibleBornOnOrAfter", "aldersgrense (født fra og med)"));

    private ClaimTexts() {}

    /** How the estimate projects a recipient, in Norwegian ({@code {r.basis.anslagsgrunnlag}}). */
    @TemplateExtension(matchName = "anslagsgrunnlag")
    public static String estimateBasis(no.samkost.reimbursement.calculation.ClaimEstimate.Basis basis) {
        return EstimatePages.basis(basis);
    }

    /** A rule set's status in Norwegian ({@code {rules.status.regelstatus}}). */
    @TemplateExtension(matchName = "regelstatus")
    public static String ruleStatus(no.samkost.reimbursement.calculation.ValueStatus status) {
        return RuleRows.status(status);
    }

    /** A rule set's parameter in Norwegian ({@code {p.regelverdi}}); the API's name when it is not known here. */
    @TemplateExtension(matchName = "regelverdi")
    public static String ruleParameter(String parameter) {
        return RULE_PARAMETERS.getOrDefault(parameter, parameter);
    }

    /** OPEN: åpent, SUBMITTED: sendt til revisor, ATTESTED: attestert, RETURNED: sendt tilbake. */
    @TemplateExtension
    public static String norsk(ClaimState state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case OPEN -> "åpent";
            case SUBMITTED -> "sendt til revisor";
            case ATTESTED -> "attestert";
            case RETURNED -> "sendt tilbake";
        };
    }

    /** A difference's field in Norwegian; the API's name when it is not known here. */
    static String field(String field) {
        return FIELDS.getOrDefault(field, field);
    }

    /** Whether a difference's field counts recipients (not kroner). */
    static boolean counts(String field) {
        return field.equals("recipients") || field.equals("eligibleRecipients");
    }

    /** An audit action in Norwegian, or empty when only its code says it. */
    static String action(String action) {
        return ACTIONS.getOrDefault(action, "");
    }
}
