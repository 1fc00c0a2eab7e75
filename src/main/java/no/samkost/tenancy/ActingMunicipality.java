package no.samkost.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs work as a municipality's coordinator without a request: for loading the demo data through
 * the same services, validation, walls and audit trail that requests use. The identity carries a
 * subject that says it was no person. Not reachable from HTTP.
 */
@ApplicationScoped
public class ActingMunicipality {

    private final CurrentIdentityAssociation identities;

    public ActingMunicipality(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public void run(Municipality municipality, String subject, Runnable work) {
        ManagedContext requests = Arc.container().requestContext();
        if (requests.isActive()) {
            throw new IllegalStateException("not inside a request: the caller's identity would be replaced");
        }
        requests.activate();
        try {
            identities.setIdentity(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(subject))
                    .addRole(Role.COORDINATOR)
                    .addAttribute(MunicipalityIdentityAugmentor.MUNICIPALITY, municipality.id())
                    .build());
            work.run();
        } finally {
            requests.terminate();
        }
    }
}
