package no.samkost.common;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a CSV import that wrote every row answers; the import's id is also in its audit entry. */
@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(description = "rows written") long imported,
        @Schema(description = "the import's id, as its audit entry names it") UUID importId) {}
