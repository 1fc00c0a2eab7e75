package no.samkost.planning.calculation;

/** One simulated year, over all runs: a slice of the fan chart. */
public record YearRisk(int costYear, RiskComparison comparison) {}
