package no.samkost.cooperation.calculation;

/**
 * The two parties to a placement: the home municipality (whose recipient it is) and the host of
 * the joint service. A host placing its own recipient is both.
 */
public enum PlacementParty {
    HOME,
    HOST
}
