package no.samkost.recipients;

/** User groups as the state reimbursement reporting counts them. */
public enum UserGroup {
    INTELLECTUAL_DISABILITY,
    MENTAL_HEALTH_SUBSTANCE,
    SOMATIC,
    OTHER
}
