package no.samkost.cooperation.calculation;

/** What a cost-split key measures each member by (fordelingsnøkkel). */
public enum SplitMeasure {
    /** The same for every member. */
    EQUAL,
    /** Inhabitants (innbyggertall) in the cost year, from the tenant files. */
    POPULATION,
    /** Placements in the pool's services at any time in the cost year. */
    PLACEMENTS,
    /** Days placed in the pool's services in the cost year, summed over placements. */
    PLACEMENT_DAYS,
    /** Hours of direct care: usage (hours per week) x days placed, summed over placements. */
    USAGE
}
