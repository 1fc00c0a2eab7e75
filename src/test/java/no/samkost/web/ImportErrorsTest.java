package no.samkost.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import no.samkost.common.Problem;
import no.samkost.costs.CostLineRules;
import org.junit.jupiter.api.Test;

/** The import's row errors on the page: every message the line rules give has a Norwegian wording. */
class ImportErrorsTest {

    /** Bad values for each field of a line: ref, period, category, amount, note. */
    static final List<String[]> BAD_LINES = List.of(
            new String[] {"", "2023-01", "DIRECT_WAGES", "10.00", null},
            new String[] {"R1", "2023/01", "DIRECT_WAGES", "10.00", null},
            new String[] {"R1", "1999-01", "DIRECT_WAGES", "10.00", null},
            new String[] {"R1", "2023-13", "DIRECT_WAGES", "10.00", null},
            new String[] {"R1", "2023-01", "WAGES", "10.00", null},
            new String[] {"R1", "2023-01", "JOINT_SERVICE", "10.00", null},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "10,00", null},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "0.00", null},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "100000000.01", null},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "-10.00", null},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "10.00", "x".repeat(501)},
            new String[] {"R\u0000", "2023-01", "DIRECT_WAGES", "10.00", null},
            new String[] {"R1\u202E", "2023-01", "DIRECT_WAGES", "10.00", null},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "10.00", "bad \uFFFD byte"},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "10.00", "x\uFEFF"},
            new String[] {"R1", "2023-01", "DIRECT_WAGES", "10.00", "\uD800"});

    @Test
    void everyMessageOfTheLineRulesIsWordedInNorwegian() {
        List<String> messages = new ArrayList<>();
        for (String[] line : BAD_LINES) {
            CostLineRules.Checked checked = CostLineRules.check(line[0], line[1], line[2], line[3], line[4], 2026);
            assertFalse(checked.valid(), String.join(",", line[0], line[1], line[2], line[3]));
            checked.issues().forEach(i -> messages.add(i.field() + ": " + i.message()));
        }
        for (String message : messages) {
            assertNotNull(ImportErrors.worded(message), "no Norwegian for: " + message);
        }
    }

    @Test
    void theImportsOwnMessagesAndARowWithTwoProblems() {
        assertEquals(
                "Mottaker (recipient_ref): ingen mottaker «X'1» i kommunen",
                ImportErrors.worded("recipient_ref: no recipient 'X'1' in your municipality"));
        assertEquals(
                "Måned (period): kostnadsåret 2023 er lukket (kravet er sendt inn)",
                ImportErrors.worded("period: cost year 2023 is closed (its claim is submitted)"));
        assertEquals(
                "Skal ha 4 eller 5 kolonner (recipient_ref,period,category,amount,note), har 3",
                ImportErrors.worded("expected 4 or 5 columns (recipient_ref,period,category,amount,note), found 3"));
        assertEquals("Et felt i anførselstegn er ikke avsluttet", ImportErrors.worded("a quoted field is not closed"));
        assertEquals(
                "Måned (period): måneden må være 01–12; Beløp (amount): kan ikke være 0",
                ImportErrors.worded("period: month must be 01-12; amount: must not be zero"));
    }

    @Test
    void aMessageNotKnownHereIsShownAsTheServiceWroteItMarkedEnglish() {
        List<ImportErrors.Line> lines = ImportErrors.norwegian(List.of(
                Problem.Violation.row(4, "something new went wrong"),
                Problem.Violation.row(5, "amount: must not be zero")));
        assertEquals(new ImportErrors.Line(4, "something new went wrong", true), lines.get(0));
        assertEquals(new ImportErrors.Line(5, "Beløp (amount): kan ikke være 0", false), lines.get(1));
        assertTrue(lines.stream().noneMatch(l -> l.text().isEmpty()));
    }
}
