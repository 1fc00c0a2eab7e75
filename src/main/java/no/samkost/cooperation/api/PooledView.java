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
                                "what the figures rest on: split keys used, measures nobody had, unattributed wages, "
                                        + "unverified or incomplete rules")
                List<String> notes) {}
