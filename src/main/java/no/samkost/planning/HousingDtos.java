package no.samkost.planning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recipient's housing history: request and response shapes. */
public final class HousingDtos {
    private HousingDtos() {}

    @Schema(name = "NewRecipientHousing", description = "Where the recipient lives from validFrom on.")
    public record NewHousing(
            @NotNull @Schema(examples = "2024-01-01") LocalDate validFrom,
            @NotNull
                    @Min(1)
                    @Max(5)
                    @Schema(
                            description = "1 own flat, services delivered there; 2 own flat near a free-standing base;"
                                    + " 3 near co-located housing with a base; 4 in co-located housing with a staffed"
                                    + " base; 5 reinforced housing, staffed",
                            examples = "4")
                    Integer housingForm,
            @Schema(nullable = true, description = "PLUSS, BASIS, UTVIDET or EKSTRA") BaseLevel baseLevel) {}

    @Schema(name = "RecipientHousing")
    public record HousingView(
            LocalDate validFrom,
            int housingForm,
            @Schema(nullable = true, description = "PLUSS, BASIS, UTVIDET or EKSTRA") BaseLevel baseLevel,
            Instant recordedAt) {

        static HousingView of(RecipientHousing h) {
            return new HousingView(h.validFrom, h.housingForm, h.baseLevel, h.recordedAt);
        }
    }
}
