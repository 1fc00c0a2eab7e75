package no.samkost.tenancy;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "identity")
public class MeResource {

    @Schema(name = "Me")
    public record Me(
            @Schema(description = "the token's sub") String subject,
            @Schema(description = "a readable user name from the token") String name,
            @Schema(description = "the caller's municipality number, from the token's issuer") String municipality,
            String municipalityName,
            List<String> roles,
            @Schema(description = "ids of the cooperations the municipality belongs to") List<String> cooperations) {}

    private final CurrentMunicipality current;
    private final MunicipalityRegistry registry;
    private final SecurityIdentity identity;

    public MeResource(CurrentMunicipality current, MunicipalityRegistry registry, SecurityIdentity identity) {
        this.current = current;
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    @Operation(
            operationId = "getMe",
            summary = "Who the token says you are: subject, municipality, samkost roles, cooperations")
    public Me me() {
        Municipality municipality = current.require();
        return new Me(
                current.subject(),
                current.displayName(),
                municipality.code(),
                municipality.name(),
                identity.getRoles().stream().sorted().toList(),
                registry.cooperationsOf(municipality).stream()
                        .map(Cooperation::id)
                        .toList());
    }
}
