package no.samkost.tenancy;

import java.util.Optional;

/** The service's own roles; each municipality maps its identity provider's roles onto these. */
public final class Role {
    public static final String COORDINATOR = "coordinator";
    public static final String VIEWER = "viewer";
    public static final String COOPERATION_MEMBER = "cooperation-member";
    /** The municipality's auditor (revisor): reads the claim, its basis and the audit trail; attests or returns. */
    public static final String AUDITOR = "auditor";

    private Role() {}

    public static Optional<String> named(String name) {
        return switch (name) {
            case COORDINATOR, VIEWER, COOPERATION_MEMBER, AUDITOR -> Optional.of(name);
            default -> Optional.empty();
        };
    }
}
