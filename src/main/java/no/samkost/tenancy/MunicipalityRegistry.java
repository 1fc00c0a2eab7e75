package no.samkost.tenancy;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The municipalities and cooperations this deployment serves, loaded once at start-up. */
@Startup
@ApplicationScoped
public class MunicipalityRegistry {

    private static final Logger LOG = Logger.getLogger(MunicipalityRegistry.class);

    private final Map<String, Municipality> byId;
    private final List<Cooperation> cooperations;

    public MunicipalityRegistry(TenancyConfig config) {
        TenantFiles.Loaded loaded = new TenantFiles().load(Path.of(config.dir()));
        this.byId = index(loaded.municipalities(), Municipality::id);
        this.cooperations = loaded.cooperations();
        LOG.infof(
                "serving %d municipalities (%s) and %d cooperations from %s",
                byId.size(),
                loaded.municipalities().stream()
                        .map(Municipality::code)
                        .sorted()
                        .collect(Collectors.joining(", ")),
                cooperations.size(),
                Path.of(config.dir()).toAbsolutePath());
    }

    private static Map<String, Municipality> index(List<Municipality> all, Function<Municipality, String> key) {
        return all.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    public Collection<Municipality> all() {
        return byId.values();
    }

    public Optional<Municipality> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public List<Cooperation> cooperations() {
        return cooperations;
    }

    public List<Cooperation> cooperationsOf(Municipality municipality) {
        return cooperations.stream().filter(c -> c.hasMember(municipality.id())).toList();
    }
}
