package no.samkost.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AuditEntry",
        description = "One read or write of recipient-level data, or one step of a claim's sign-off")
public record AuditEntryView(
        Instant at,
        @Schema(description = "who: the token's sub, or cooperation:<id> for a cooperation's writes") String actor,
        @Schema(description = "what, e.g. cost.add, claim.read, claim.submit, claim.attest") String action,
        @Schema(description = "on what, e.g. a recipient's ref and a month, or a cost year") String resource) {}
