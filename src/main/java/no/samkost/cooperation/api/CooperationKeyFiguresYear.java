package no.samkost.cooperation.api;

import java.util.List;
import no.samkost.reimbursement.calculation.ValueStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CooperationKeyFiguresYear")
public record CooperationKeyFiguresYear(
        int costYear,
        int grantYear,
        @Schema(nullable = true, description = "the rules' weakest status; null when the year has no rules")
                ValueStatus rulesStatus,
        @Schema(description = "one row per member, in code order") List<KeyFiguresRow> members,
        @Schema(description = "the cooperation's: sums, and the mean and median over all members' recipients")
                KeyFiguresRow totals,
        @Schema(description = "the figures not shown under the small-number rule (null above), with the reason")
                List<SuppressedCell> suppressed) {}
