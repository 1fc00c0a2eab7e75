package no.samkost.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "samkost",
                        version = "1",
                        description =
                                "Cooperating municipalities: high-cost care recipients, cost ledgers, "
                                        + "state reimbursement claims and pooled figures. Every call carries a bearer token from "
                                        + "the caller's own municipality's identity provider; the municipality is taken from the token."),
        security = @SecurityRequirement(name = "municipality-token"))
@SecurityScheme(
        securitySchemeName = "municipality-token",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class ApiDefinition extends Application {}
