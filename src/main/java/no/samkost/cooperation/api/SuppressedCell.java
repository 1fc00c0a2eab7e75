package no.samkost.cooperation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SuppressedCell", description = "a figure not shown under the small-number rule, and why")
public record SuppressedCell(
        @Schema(nullable = true, description = "the member whose figure it is; null for a total") String municipality,
        @Schema(description = "the field, e.g. expectedGrant, or totals.<name> for a total") String field,
        String reason) {}
