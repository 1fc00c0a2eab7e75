package no.samkost.cooperation.calculation;

/** What a party can do to a placement; {@link PlacementLifecycle} says who may, from where, to where. */
public enum PlacementStep {
    /** The home asks for a place for its recipient (wished start and end). */
    REQUEST,
    /** The home changes the wished dates of its request. */
    CHANGE_REQUEST,
    /** The home takes its request back. */
    WITHDRAW,
    /** The home sets or brings forward the end of its confirmed placement, from a day not in the past. */
    END,
    /** The host confirms a request with the usage it will provide; takes a place. */
    CONFIRM,
    /** The host declines a request, with a reason. */
    DECLINE,
    /** The host changes the usage of a confirmed placement. */
    CHANGE_USAGE
}
