package no.samkost.cooperation.persistence;

import java.time.Instant;

/** When a row was written and by whom (a token's subject, or the cooperation in another member's rows). */
public record Stamp(Instant at, String by) {}
