package no.samkost.cooperation.persistence;

import java.math.BigDecimal;

/** A JOINT_SERVICE line for a home's ledger: a share, or the reversal of an earlier one. */
public record AttributionLine(PlacementMonth placementMonth, BigDecimal amount, String note) {}
