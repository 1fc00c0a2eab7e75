package no.samkost.cooperation.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A home's request for a place: which recipient and when. The usage is the host's, with its confirmation. */
@Schema(name = "NewPlacement")
public record NewPlacement(
        @NotNull @Schema(description = "your own recipient's ref", examples = "R-17") String recipientRef,
        @NotNull @Schema(description = "wished first day; not before the cooperation's start", examples = "2023-03-16")
                LocalDate startsOn,
        @Schema(description = "wished last day, inclusive; empty while open") LocalDate endsOn) {}
