package no.samkost.cooperation.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How full a joint service was, month by month: the host's own figure (homes see no occupancy). */
@Schema(name = "Occupancy")
public record OccupancyView(UUID jointServiceId, int costYear, int capacity, List<Month> months) {

    @Schema(name = "OccupancyMonth")
    public record Month(
            @Schema(description = "YYYY-MM") String month,
            @Schema(description = "the most confirmed placements on any one day of the month") int peakPlacements) {}
}
