package no.samkost.tenancy;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/** Hibernate's discriminator: every tenant-owned entity is filtered and stamped with this id. */
@PersistenceUnitExtension
@ApplicationScoped
public class HibernateTenantResolver implements TenantResolver {

    /** Matches no row: no tenant-owned table can hold it (tenant ids are lower-case words). */
    public static final String NO_TENANT = "-";

    private final CurrentMunicipality current;

    public HibernateTenantResolver(CurrentMunicipality current) {
        this.current = current;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return current.get().map(Municipality::id).orElse(NO_TENANT);
    }
}
