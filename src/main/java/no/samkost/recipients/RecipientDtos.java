package no.samkost.recipients;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The recipient API's request and response shapes. */
public final class RecipientDtos {
    private RecipientDtos() {}

    @Schema(name = "NewRecipient")
    public record NewRecipient(
            @NotNull
                    @PseudonymousRef
                    @Schema(
                            description = "municipality-local pseudonymous reference, 1-64 of A-Z a-z 0-9 - _; "
                                    + "never a national identity number",
                            examples = "R-17")
                    String ref,
            @NotNull @BirthYear @Schema(examples = "1990") Integer birthYear,
            @NotNull @Schema(description = "has an intellectual disability (psykisk utviklingshemming)")
                    Boolean intellectualDisability,
            @NotNull UserGroup userGroup) {}

    @Schema(name = "RecipientUpdate", description = "Send back the version you read; a stale one answers 409.")
    public record RecipientUpdate(
            @Schema(description = "optional; must equal the path's ref (a ref cannot be changed)") String ref,
            @NotNull @BirthYear @Schema(examples = "1990") Integer birthYear,
            @NotNull Boolean intellectualDisability,
            @NotNull UserGroup userGroup,
            @NotNull @Schema(description = "the version this update is based on") Long version) {}

    @Schema(name = "Recipient")
    public record RecipientView(
            String ref,
            int birthYear,
            boolean intellectualDisability,
            UserGroup userGroup,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static RecipientView of(Recipient r) {
            return new RecipientView(
                    r.ref, r.birthYear, r.intellectualDisability, r.userGroup, r.version, r.createdAt, r.updatedAt);
        }
    }
}
