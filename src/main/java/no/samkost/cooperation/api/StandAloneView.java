package no.samkost.cooperation.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StandAloneModel")
public record StandAloneView(BigDecimal fixedCostPerYear, BigDecimal variableCostPerRecipient) {}
