package no.samkost.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest runs against a real embedded PostgreSQL and real (in-test) OpenID providers.
 * Declared once here; Quarkus applies unrestricted test resources to all tests.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(TestIdentityProviders.class)
public final class TestResources {
    private TestResources() {}
}
