package no.samkost.cooperation.api;

import java.util.List;
import no.samkost.recipients.UserGroup;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CooperationSensitivity",
        description = "Every member's net cost with k more or fewer recipients of a group, side by side, in its own"
                + " service (at the group's median in its own ledger) and served in each joint service (at a place's"
                + " cost), under the small-number rule")
public record CooperationSensitivityView(
        String cooperation,
        int costYear,
        int grantYear,
        @Schema(nullable = true, description = "the group; absent: recipients of every group") UserGroup userGroup,
        int from,
        int to,
        @Schema(description = "the agreement's minimum cell size k") int minimumCellSize,
        @Schema(description = "the joint services with a place cost in the year (or the one asked for)")
                List<PlaceVariant> jointServices,
        @Schema(description = "one per member, in code order") List<MemberSensitivity> members,
        @Schema(description = "the figures not shown under the small-number rule (null above), with the reason")
                List<SuppressedCell> suppressed,
        List<String> notes) {}
