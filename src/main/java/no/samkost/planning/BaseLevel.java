package no.samkost.planning;

/**
 * The level of a staffed base near the housing (Drammen's four): PLUSS (a private concept with
 * shared facilities), BASIS (a municipal low-threshold meeting place, daytime), UTVIDET (a staffed
 * base in co-located housing), EKSTRA (a base staffed round the clock).
 */
public enum BaseLevel {
    PLUSS,
    BASIS,
    UTVIDET,
    EKSTRA
}
