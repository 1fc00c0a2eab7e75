package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import no.samkost.tenancy.MunicipalityOidcTenants;
import no.samkost.tenancy.MunicipalityRegistry;

/** The front end's start page: choose your municipality, then log in through its identity provider. */
@Path("/app")
public class StartPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(List<Choice> municipalities);
    }

    /** A municipality on the start page; {@code login} false when its browser login is not set up. */
    public record Choice(String code, String name, boolean login) {}

    private final MunicipalityRegistry registry;
    private final MunicipalityOidcTenants tenants;

    public StartPage(MunicipalityRegistry registry, MunicipalityOidcTenants tenants) {
        this.registry = registry;
        this.tenants = tenants;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance start() {
        return Templates.start(registry.all().stream()
                .sorted(Comparator.comparing(m -> m.name()))
                .map(m -> new Choice(m.code(), m.name(), tenants.hasWebLogin(m)))
                .toList());
    }
}
