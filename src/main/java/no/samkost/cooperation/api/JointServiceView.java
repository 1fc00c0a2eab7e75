package no.samkost.cooperation.api;

import java.util.UUID;
import no.samkost.cooperation.calculation.JointServiceKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JointService")
public record JointServiceView(
        UUID id,
        String cooperation,
        @Schema(description = "the host municipality's code") String host,
        String name,
        JointServiceKind kind,
        int capacity,
        long version) {}
