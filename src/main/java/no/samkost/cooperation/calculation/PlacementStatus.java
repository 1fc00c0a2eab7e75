package no.samkost.cooperation.calculation;

/**
 * Where a placement stands. A home requests a place; the host confirms (with the usage it will
 * provide) or declines; a home may withdraw a request. Only a confirmed placement takes a place and
 * carries usage, so only confirmed placements are attributed and counted.
 */
public enum PlacementStatus {
    REQUESTED,
    CONFIRMED,
    DECLINED,
    WITHDRAWN;

    /** Nothing follows a decline or a withdrawal. */
    public boolean isFinal() {
        return this == DECLINED || this == WITHDRAWN;
    }

    /** Takes a place, carries usage, is attributed and counted in the pooled figures. */
    public boolean takesCapacity() {
        return this == CONFIRMED;
    }
}
