package no.samkost.tenancy;

import java.util.Optional;

/** The service's own roles; each municipality maps its identity provider's roles onto these. */
public final class Role {
    public static final String COORDINATOR = "coordinator";
    public static final String VIEWER = "viewer";
    public static final String COOPERATION_MEMBER = "cooperation-member";

    private Role() {}

    public static Optional<String> named(String name) {
        return switch (name) {
            case COORDINATOR, VIEWER, COOPERATION_MEMBER -> Optional.of(name);
            default -> Optional.empty();
        };
    }
}
