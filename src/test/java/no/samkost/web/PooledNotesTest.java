package no.samkost.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.samkost.cooperation.api.PooledNote;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.SplitKey;
import no.samkost.cooperation.calculation.SplitMeasure;
import org.junit.jupiter.api.Test;

/** Each kind of the pooled figures' notes, in English for the API and in Norwegian for the page. */
class PooledNotesTest {

    static final String NBSP = "\u00A0";

    @Test
    void sharedCostsSplitByOneMeasureAndByTwo() {
        PooledNote one = new PooledNote.SharedCostsSplit(
                JointServiceKind.SHARED_HOME, new BigDecimal("1620000.00"), SplitKey.of(SplitMeasure.PLACEMENT_DAYS));
        assertEquals("shared costs of SHARED_HOME services, 1620000.00, split by PLACEMENT_DAYS 1", one.text());
        assertEquals(
                "Felleskostnadene for tjenester av typen «Bofellesskap med base», 1" + NBSP + "620" + NBSP + "000,00"
                        + NBSP + "kr, er fordelt etter plasseringsdøgn.",
                PooledNotes.norwegian(one));

        PooledNote two = new PooledNote.SharedCostsSplit(
                JointServiceKind.DAY_SERVICE,
                new BigDecimal("50000.00"),
                new SplitKey(
                        Map.of(SplitMeasure.USAGE, new BigDecimal("0.8"), SplitMeasure.EQUAL, new BigDecimal("0.2"))));
        assertEquals(
                "Felleskostnadene for tjenester av typen «Dagtilbud», 50" + NBSP + "000,00" + NBSP
                        + "kr, er fordelt etter lik del (20" + NBSP + "%) og timer brukt (timer per uke × døgn) (80"
                        + NBSP + "%).",
                PooledNotes.norwegian(two));
    }

    @Test
    void theOtherKinds() {
        assertEquals(
                "Regelverket for tilskuddsåret 2021 har verdier som ikke er kontrollert mot rundskrivet:"
                        + " aldersgrense (født fra og med).",
                PooledNotes.norwegian(
                        new PooledNote.UnverifiedRules(2021, List.of("eligibleBornOnOrAfter"), List.of())));
        PooledNote projected = new PooledNote.UnverifiedRules(
                2025, List.of("compensationRate", "eligibleBornOnOrAfter"), List.of("compensationRate"));
        assertEquals(
                "Regelverket for tilskuddsåret 2025 har verdier som ikke er kontrollert mot rundskrivet:"
                        + " kompensasjonsgrad, aldersgrense (født fra og med). Framskrevet, ikke publisert:"
                        + " kompensasjonsgrad.",
                PooledNotes.norwegian(projected));
        assertEquals(
                "the rules of grant year 2025 include unverified values: [compensationRate, eligibleBornOnOrAfter];"
                        + " projected, not published: [compensationRate]",
                projected.text());
        assertEquals(
                "Ingen medlemmer hadde innbyggertall i tjenester av typen «Avlastning» i 2023, så den delen av"
                        + " nøkkelen er fordelt likt.",
                PooledNotes.norwegian(new PooledNote.MeasureWithoutBasis(
                        SplitMeasure.POPULATION, JointServiceKind.RELIEF_CARE, 2023)));
        assertEquals(
                "Direkte lønn på 100" + NBSP + "000,00" + NBSP
                        + "kr i 2023 falt i måneder der ingen var plassert, og er ikke fordelt på noe medlem.",
                PooledNotes.norwegian(new PooledNote.UnattributedWages(new BigDecimal("100000.00"), 2023)));
        assertEquals(
                "Tilskuddet for 2 av kommunens plasserte mottakere kan ikke regnes ut (regelverket mangler en verdi)"
                        + " og er regnet som 0.",
                PooledNotes.norwegian(new PooledNote.UnknownOwnGrants(2)));
        assertEquals(
                "2 of your placed recipients' grants are unknown (RULES_INCOMPLETE) and counted as 0",
                new PooledNote.UnknownOwnGrants(2).text());
    }
}
