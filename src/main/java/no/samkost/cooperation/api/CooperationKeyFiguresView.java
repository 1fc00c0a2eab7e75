package no.samkost.cooperation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CooperationKeyFigures",
        description = "Each member's key figures per cost year and the cooperation's, from each member's own ledger"
                + " under the rule book's rules, under the small-number rule")
public record CooperationKeyFiguresView(
        String cooperation,
        int from,
        int to,
        @Schema(description = "the agreement's minimum cell size k") int minimumCellSize,
        List<CooperationKeyFiguresYear> years,
        @Schema(description = "what the figures rest on") List<String> notes) {}
