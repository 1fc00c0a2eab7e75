package no.samkost.cooperation.api;

import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agreement")
public record AgreementView(
        @Schema(
                        description = "cost pool (default or a joint service kind) -> split key",
                        examples = "{\"default\": \"EQUAL 0.2 + PLACEMENT_DAYS 0.8\"}")
                Map<String, String> sharedCostSplit,
        StandAloneView standAlone,
        @Schema(description = "the day the cooperation started: no placement starts before it", examples = "2010-01-01")
                LocalDate startsOn,
        @Schema(
                        description =
                                "small-number rule: another member's figure resting on fewer placed recipients is not"
                                        + " shown")
                int minimumCellSize) {}
