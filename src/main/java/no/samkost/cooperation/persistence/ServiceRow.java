package no.samkost.cooperation.persistence;

import java.util.UUID;
import no.samkost.cooperation.calculation.JointServiceKind;

/** A joint service as stored, in its host's rows; the host's tenant id, not its code. */
public record ServiceRow(
        UUID id, String hostId, String cooperationId, String name, JointServiceKind kind, int capacity, long version) {}
