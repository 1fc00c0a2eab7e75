package no.samkost.web;

import java.util.stream.Collectors;
import no.samkost.cooperation.api.PooledNote;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.SplitKey;
import no.samkost.cooperation.calculation.SplitMeasure;

/** The pooled figures' notes in Norwegian, worded from their values (the API's are English). */
final class PooledNotes {

    private PooledNotes() {}

    static String norwegian(PooledNote note) {
        if (note instanceof PooledNote.UnverifiedRules n) {
            return "Regelverket for tilskuddsåret " + n.grantYear()
                    + " har verdier som ikke er kontrollert mot rundskrivet: "
                    + n.parameters().stream().map(ClaimTexts::ruleParameter).collect(Collectors.joining(", ")) + "."
                    + (n.projected().isEmpty()
                            ? ""
                            : " Framskrevet, ikke publisert: "
                                    + n.projected().stream()
                                            .map(ClaimTexts::ruleParameter)
                                            .collect(Collectors.joining(", "))
                                    + ".");
        }
        if (note instanceof PooledNote.SharedCostsSplit n) {
            return "Felleskostnadene for " + service(n.kind()) + ", " + Formats.nok(n.amount()) + ", er fordelt etter "
                    + key(n.key()) + ".";
        }
        if (note instanceof PooledNote.MeasureWithoutBasis n) {
            return "Ingen medlemmer hadde " + measure(n.measure()) + " i " + service(n.kind()) + " i " + n.costYear()
                    + ", så den delen av nøkkelen er fordelt likt.";
        }
        if (note instanceof PooledNote.UnattributedWages n) {
            return "Direkte lønn på " + Formats.nok(n.amount()) + " i " + n.costYear()
                    + " falt i måneder der ingen var plassert, og er ikke fordelt på noe medlem.";
        }
        if (note instanceof PooledNote.UnknownOwnGrants n) {
            return "Tilskuddet for " + n.count() + " av kommunens plasserte mottakere kan ikke regnes ut"
                    + " (regelverket mangler en verdi) og er regnet som 0.";
        }
        throw new IllegalArgumentException(
                "no Norwegian wording for " + note.getClass().getSimpleName());
    }

    private static String service(JointServiceKind kind) {
        return "tjenester av typen «" + Labels.kind(kind) + "»";
    }

    /** "plasseringsdøgn" for a key of one measure, else "lik del (20 %) og plasseringsdøgn (80 %)". */
    private static String key(SplitKey key) {
        if (key.weights().size() == 1) {
            return measure(key.weights().keySet().iterator().next());
        }
        return key.weights().entrySet().stream()
                .map(e -> measure(e.getKey()) + " (" + Formats.percent(e.getValue()) + ")")
                .collect(Collectors.joining(" og "));
    }

    private static String measure(SplitMeasure measure) {
        return switch (measure) {
            case EQUAL -> "lik del";
            case POPULATION -> "innbyggertall";
            case PLACEMENTS -> "antall plasseringer";
            case PLACEMENT_DAYS -> "plasseringsdøgn";
            case USAGE -> "timer brukt (timer per uke × døgn)";
        };
    }
}
