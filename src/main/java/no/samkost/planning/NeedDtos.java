package no.samkost.planning;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import no.samkost.recipients.BirthYear;
import no.samkost.recipients.PseudonymousRef;
import no.samkost.recipients.UserGroup;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The future-needs register's request and response shapes. */
public final class NeedDtos {
    private NeedDtos() {}

    @Schema(name = "NewNeed", description = "A youth entered in the register; the answers come with each conversation.")
    public record NewNeed(
            @NotNull
                    @PseudonymousRef
                    @Schema(
                            description = "municipality-local pseudonymous reference, as for recipients; never a"
                                    + " national identity number",
                            examples = "U-2011-3")
                    String ref,
            @NotNull @BirthYear @Schema(examples = "2011") Integer birthYear,
            @NotNull UserGroup userGroup) {}

    @Schema(
            name = "NeedUpdate",
            description = "Send back the version you read; a stale one answers 409. BECAME_RECIPIENT needs the"
                    + " recipient's ref; the other statuses take none.")
    public record NeedUpdate(
            @Schema(description = "optional; must equal the path's ref (a ref cannot be changed)") String ref,
            @NotNull @BirthYear @Schema(examples = "2011") Integer birthYear,
            @NotNull UserGroup userGroup,
            @NotNull NeedStatus status,
            @PseudonymousRef @Schema(description = "the recipient it became (status BECAME_RECIPIENT only)")
                    String recipientRef,
            @NotNull @Schema(description = "the version this update is based on") Long version) {}

    /**
     * What the family answered on one day. The intensity is a range of hours of direct care a week;
     * give one bound for a single figure.
     */
    @Schema(name = "NewNeedConversation")
    public record NewConversation(
            @NotNull @Schema(description = "the day of the conversation, not in the future", examples = "2026-03-12")
                    LocalDate heldOn,
            @Min(2000) @Max(2100) @Schema(description = "expected year of moving out; absent: not known yet")
                    Integer expectedMoveOutYear,
            @Min(1) @Max(5) @Schema(description = "preferred housing form, 1 (own flat) to 5 (reinforced, staffed)")
                    Integer housingForm,
            BaseLevel baseLevel,
            @DecimalMin("0") @DecimalMax("168") @Digits(integer = 3, fraction = 1) BigDecimal hoursPerWeekMin,
            @DecimalMin("0") @DecimalMax("168") @Digits(integer = 3, fraction = 1) BigDecimal hoursPerWeekMax) {}

    @Schema(name = "NeedConversation")
    public record ConversationView(
            LocalDate heldOn,
            @Schema(nullable = true) Integer expectedMoveOutYear,
            @Schema(nullable = true) Integer housingForm,
            @Schema(nullable = true, description = "PLUSS, BASIS, UTVIDET or EKSTRA") BaseLevel baseLevel,
            @Schema(nullable = true) BigDecimal hoursPerWeekMin,
            @Schema(nullable = true) BigDecimal hoursPerWeekMax,
            Instant recordedAt) {

        static ConversationView of(NeedConversation c) {
            return new ConversationView(
                    c.heldOn,
                    c.expectedMoveOutYear,
                    c.housingForm,
                    c.baseLevel,
                    c.hoursPerWeekMin,
                    c.hoursPerWeekMax,
                    c.recordedAt);
        }
    }

    @Schema(name = "Need", description = "A register entry with the answers of its latest conversation.")
    public record NeedView(
            String ref,
            int birthYear,
            UserGroup userGroup,
            @Schema(description = "ACTIVE, DECLINED, MOVED_AWAY or BECAME_RECIPIENT") NeedStatus status,
            @Schema(nullable = true, description = "the recipient it became") String recipientRef,
            @Schema(nullable = true) Integer expectedMoveOutYear,
            @Schema(nullable = true) Integer housingForm,
            @Schema(nullable = true, description = "PLUSS, BASIS, UTVIDET or EKSTRA") BaseLevel baseLevel,
            @Schema(nullable = true) BigDecimal hoursPerWeekMin,
            @Schema(nullable = true) BigDecimal hoursPerWeekMax,
            @Schema(nullable = true, description = "the day of the latest conversation") LocalDate lastConversationOn,
            long version,
            Instant createdAt,
            Instant updatedAt) {}
}
