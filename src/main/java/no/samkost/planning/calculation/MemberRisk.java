package no.samkost.planning.calculation;

/** One member's net cost risk, stand-alone against pooled. */
public record MemberRisk(String member, NetCostRisk risk) {}
