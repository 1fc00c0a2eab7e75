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
        List<String> notes) {}
