package no.samkost.tenancy;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import no.samkost.common.InputText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path under {@code /api/v1/cooperations/{id}}, and every page under {@code
 * /app/{code}/samarbeid/{id}}, is refused with 403 unless the caller's
 * municipality is a member of that cooperation; an unknown id answers the same, so ids cannot be
 * probed. Like the municipality guard, it runs before the body is read or any query runs.
 */
public class CooperationPathGuard extends PathGuard {

    static final String PREFIX = "/api/v1/cooperations/";
    static final String PAGES = "/app/";
    static final String ID_PARAMETER = "id";

    private final MunicipalityRegistry registry;

    public CooperationPathGuard(
            CurrentIdentityAssociation identities, CurrentMunicipality current, MunicipalityRegistry registry) {
        super(identities, current);
        this.registry = registry;
    }

    @ServerRequestFilter
    public Uni<Response> guard(ContainerRequestContext request) {
        return check(request);
    }

    @Override
    Optional<String> segment(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX) && !path.startsWith(PAGES)) {
            return Optional.empty();
        }
        return Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst(ID_PARAMETER));
    }

    @Override
    boolean belongsTo(Municipality caller, String id) {
        return registry.cooperationsOf(caller).stream().anyMatch(c -> c.id().equals(id));
    }

    @Override
    String refusal(String id) {
        return refusalFor(id);
    }

    /** The id echoed only when it is plain text (a NUL or a line break goes into no answer). */
    public static String refusalFor(String id) {
        boolean plain =
                id != null && id.length() <= 100 && InputText.problem(id).isEmpty();
        return "your municipality is not a member of " + (plain ? "cooperation '" + id + "'" : "that cooperation");
    }
}
