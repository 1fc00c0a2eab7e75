package no.samkost.reimbursement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.junit.jupiter.api.Test;

class ClaimFiguresTest {

    static ClaimFigures reliedOn(Map<String, ValueStatus> values) {
        return new ClaimFigures("0716", 2024, 2025, null, List.of(), null, values);
    }

    @Test
    void onlyProjectedValuesTheGrantsRestOnStopASignature() {
        assertEquals(
                List.of("compensationRate", "threshold"),
                reliedOn(Map.of(
                                "threshold", ValueStatus.PROJECTED,
                                "eligibleBornOnOrAfter", ValueStatus.PATTERN,
                                "compensationRate", ValueStatus.PROJECTED))
                        .projectedValuesReliedOn());
        // A year whose deduction is projected, for a claim that needs no deduction.
        assertEquals(
                List.of(),
                reliedOn(Map.of("threshold", ValueStatus.SECONDARY, "compensationRate", ValueStatus.SECONDARY))
                        .projectedValuesReliedOn());
        assertEquals(List.of(), reliedOn(null).projectedValuesReliedOn(), "a snapshot from before statuses");
    }
}
