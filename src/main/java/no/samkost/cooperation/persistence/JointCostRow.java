package no.samkost.cooperation.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import no.samkost.cooperation.api.JointCostCategory;

/** A joint service's cost line as stored in the host's rows. */
public record JointCostRow(
        long id,
        YearMonth period,
        JointCostCategory category,
        BigDecimal amount,
        String note,
        Instant createdAt,
        String createdBy) {}
