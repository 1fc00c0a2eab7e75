package no.samkost.cooperation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Pooled")
public record PooledView(
        String cooperation,
        int costYear,
        int grantYear,
        List<PooledMember> members,
        PooledTotals totals,
        @Schema(
                        description =
                                "the figures not shown under the small-number rule (null above), with the reason; empty"
                                        + " when all are shown")
                List<SuppressedCell> suppressed,
        @Schema(
                        description =
                                "what the figures rest on: split keys used, measures nobody had, for the host unattributed"
                                        + " wages, unverified rules, the caller's own incomplete grants")
                List<String> notes) {}
