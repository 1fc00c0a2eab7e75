package no.samkost.cooperation.calculation;

/** What a joint service is; an agreement may split each kind's shared costs by its own key. */
public enum JointServiceKind {
    /** Shared home with a staffed base (bofellesskap med base). */
    SHARED_HOME,
    /** Day service (dagtilbud). */
    DAY_SERVICE,
    /** Relief care (avlastning). */
    RELIEF_CARE,
    OTHER
}
