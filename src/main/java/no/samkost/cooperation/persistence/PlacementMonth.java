package no.samkost.cooperation.persistence;

import java.time.YearMonth;
import java.util.UUID;

/** One placement in one month: the unit a home's JOINT_SERVICE lines are kept per. */
public record PlacementMonth(UUID placementId, YearMonth month) {}
