package no.samkost.cooperation;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import no.samkost.cooperation.calculation.Agreement;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MunicipalityRegistry;
import no.samkost.tenancy.TenancyConfig;
import no.samkost.tenancy.TenantConfigurationException;

/** Each cooperation's agreement, read once at start-up: a broken or missing one stops the start. */
@Startup
@ApplicationScoped
public class Agreements {

    private final Map<String, Agreement> byCooperation;

    public Agreements(TenancyConfig config, MunicipalityRegistry registry) {
        this.byCooperation = Map.copyOf(new AgreementFiles().load(Path.of(config.dir())));
        for (Cooperation c : registry.cooperations()) {
            if (!byCooperation.containsKey(c.id())) {
                throw new TenantConfigurationException("cooperation " + c.id() + " has no agreement");
            }
        }
    }

    public Agreement of(Cooperation cooperation) {
        return byCooperation.get(cooperation.id());
    }
}
