package no.samkost.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.Municipality;
import no.samkost.tenancy.MunicipalityRegistry;
import no.samkost.tenancy.Role;

/** Builds the {@link PageContext} of the logged-in person for a page in a section. */
@ApplicationScoped
public class Pages {

    private final SecurityIdentity identity;
    private final CurrentMunicipality current;
    private final MunicipalityRegistry registry;
    private final FormTokens tokens;

    public Pages(
            SecurityIdentity identity, CurrentMunicipality current, MunicipalityRegistry registry, FormTokens tokens) {
        this.identity = identity;
        this.current = current;
        this.registry = registry;
        this.tokens = tokens;
    }

    public PageContext context(String section) {
        Municipality m = current.require();
        List<PageContext.CooperationLink> cooperations = identity.hasRole(Role.COOPERATION_MEMBER)
                ? registry.cooperationsOf(m).stream()
                        .map(c -> new PageContext.CooperationLink(c.id(), c.name()))
                        .toList()
                : List.of();
        return new PageContext(
                m.code(),
                m.name(),
                current.displayName(),
                identity.hasRole(Role.COORDINATOR),
                identity.hasRole(Role.VIEWER),
                identity.hasRole(Role.AUDITOR),
                identity.hasRole(Role.COOPERATION_MEMBER),
                tokens.token(current.sessionBinding()),
                cooperations,
                section);
    }

    /** A page with its status: 200, or a refused form's status with the page shown again. */
    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page)
                .build();
    }

    /** Refuses (403) a form that does not carry this session's token. */
    public void verifyForm(String token) {
        tokens.verify(current.sessionBinding(), token);
    }
}
