package no.samkost.common;

/** The stable problem types; clients may switch on {@link #uri()}. */
public enum ProblemType {
    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED_JSON("malformed-json", 400, "The request body is not valid JSON"),
    UNAUTHENTICATED(
            "unauthenticated", 401, "A valid bearer token from your municipality's identity provider is required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    STALE_VERSION("stale-version", 409, "The resource was changed by someone else"),
    CAPACITY_EXCEEDED("capacity-exceeded", 409, "The joint service has no free place for that period"),
    YEAR_CLOSED(
            "year-closed",
            409,
            "The cost year is closed: its claim is submitted, and no ledger line of that year is written"),
    CLAIM_STATE("claim-state", 409, "The claim's state does not allow this step"),
    RULES_PROJECTED(
            "rules-projected",
            409,
            "The grant year has only projected rules; a claim is signed under the circular's figures"),
    RULES_INCOMPLETE(
            "rules-incomplete",
            409,
            "The grant year lacks a value some recipient's grant needs; a claim with an unknown grant is not signed"),
    AGREEMENT_INCOMPLETE(
            "agreement-incomplete", 409, "The cooperation's configuration lacks a figure this calculation needs"),
    UNKNOWN_REFERENCE(
            "unknown-reference", 422, "The request refers to something that does not exist in your municipality"),
    IMPORT_REJECTED("import-rejected", 422, "The import was rejected; nothing was written"),
    LENGTH_REQUIRED("length-required", 411, "A JSON body must be sent with Content-Length"),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused", 422, "The Idempotency-Key was already used for a different request"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    INTERNAL("internal", 500, "Internal error"),
    BUSY("busy", 503, "The service is busy with work of this kind; try again shortly"),
    TIMED_OUT("timed-out", 503, "The work ran past its time limit and was rolled back; nothing was written"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "The database cannot be reached at the moment; retry shortly"),
    IDENTITY_PROVIDER_UNAVAILABLE(
            "identity-provider-unavailable", 503, "Your municipality's identity provider cannot be reached");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:samkost:problem:" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
