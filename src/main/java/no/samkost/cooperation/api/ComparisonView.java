package no.samkost.cooperation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Comparison")
public record ComparisonView(
        String cooperation,
        int costYear,
        int grantYear,
        StandAloneView standAlone,
        List<ComparisonMember> members,
        @Schema(description = "the figures not shown under the small-number rule (null above), with the reason")
                List<SuppressedCell> suppressed,
        List<String> notes) {}
