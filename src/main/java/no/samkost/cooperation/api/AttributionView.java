package no.samkost.cooperation.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Attribution", description = "How a joint service's direct wages were attributed, month by month")
public record AttributionView(UUID jointServiceId, int costYear, List<AttributionMonthView> months) {}
