package no.samkost.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantFilesTest {

    @TempDir
    Path dir;

    static String municipality(String id, String code, String issuer) {
        return """
                id: %s
                code: "%s"
                name: Test %s
                population:
                  2023: 1000
                oidc:
                  issuer: %s
                  audience: samkost
                  roleClaimPath: realm_access/roles
                  roleMapping:
                    coordinator: coordinator
                """
                .formatted(id, code, id, issuer);
    }

    void write(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), content);
    }

    String failure() {
        return assertThrows(TenantConfigurationException.class, () -> new TenantFiles().load(dir))
                .getMessage();
    }

    @Test
    void theRepositorysDemoTenantsLoad() {
        TenantFiles.Loaded loaded = new TenantFiles().load(Path.of("tenants"));
        assertEquals(4, loaded.municipalities().size());
        assertEquals("3k", loaded.cooperations().get(0).id());
        assertTrue(loaded.municipalities().stream()
                .allMatch(m -> m.oidc().issuer().equals("http://127.0.0.1:8180/realms/kommune-" + m.code())));
    }

    @Test
    void aValidDirectoryLoads() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/a"));
        write("b.yaml", municipality("b", "0002", "https://idp.example/b"));
        write(
                "cooperations/ab.yaml",
                "id: ab\nname: A and B\nhost: a\nmembers: [a, b]\nagreement: {sharedCostSplit: {default: {EQUAL: 1}}}\n");
        TenantFiles.Loaded loaded = new TenantFiles().load(dir);
        assertEquals(2, loaded.municipalities().size());
        // The agreement is the cooperation module's to read (AgreementFilesTest); tenancy reads who belongs.
        Cooperation ab = loaded.cooperations().get(0);
        assertEquals(java.util.List.of("a", "b"), ab.members());
        assertEquals("a", ab.host());
        Municipality a = loaded.municipalities().get(0);
        assertEquals("https://idp.example/a", a.oidc().authServerUrl(), "auth server defaults to the issuer");
        assertEquals(1000L, a.populationIn(2023).orElseThrow());
    }

    @Test
    void aDuplicateCodeFailsNamingBothFiles() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/a"));
        write("b.yaml", municipality("b", "0001", "https://idp.example/b"));
        String message = failure();
        assertTrue(message.contains("b.yaml") && message.contains("a.yaml") && message.contains("0001"), message);
    }

    @Test
    void anIssuerUsedTwiceFails() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/shared"));
        write("b.yaml", municipality("b", "0002", "https://idp.example/shared"));
        assertTrue(failure().contains("OIDC issuer"));
    }

    @Test
    void aDuplicateIdFails() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/a"));
        write("b.yaml", municipality("a", "0002", "https://idp.example/b"));
        assertTrue(failure().contains("tenant id 'a'"));
    }

    @Test
    void aBadCodeFails() throws IOException {
        write("a.yaml", municipality("a", "716", "https://idp.example/a"));
        assertTrue(failure().contains("four digits"));
    }

    @Test
    void anUnknownCooperationMemberFails() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/a"));
        write("b.yaml", municipality("b", "0002", "https://idp.example/b"));
        write("cooperations/x.yaml", "id: x\nname: X\nhost: a\nmembers: [a, nowhere]\n");
        String message = failure();
        assertTrue(message.contains("x.yaml") && message.contains("nowhere"), message);
    }

    @Test
    void aHostOutsideTheCooperationFails() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/a"));
        write("b.yaml", municipality("b", "0002", "https://idp.example/b"));
        write("c.yaml", municipality("c", "0003", "https://idp.example/c"));
        write("cooperations/x.yaml", "id: x\nname: X\nhost: c\nmembers: [a, b]\n");
        assertTrue(failure().contains("host"));
    }

    @Test
    void aMissingAudienceFails() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/a").replace("  audience: samkost\n", ""));
        assertTrue(failure().contains("audience"));
    }

    @Test
    void aRoleMappedToAnUnknownRoleFails() throws IOException {
        write(
                "a.yaml",
                municipality("a", "0001", "https://idp.example/a")
                        .replace("coordinator: coordinator", "admin: superuser"));
        assertTrue(failure().contains("superuser"));
    }

    @Test
    void aTypoInAFieldNameFails() throws IOException {
        write("a.yaml", municipality("a", "0001", "https://idp.example/a").replace("name:", "nmae:"));
        String message = failure();
        assertTrue(message.contains("a.yaml") && message.contains("nmae"), message);
    }

    @Test
    void anIssuerThatIsNoUrlFails() throws IOException {
        write("a.yaml", municipality("a", "0001", "not a url"));
        assertTrue(failure().contains("issuer"));
    }

    @Test
    void aMissingDirectoryFails() {
        String message = assertThrows(
                        TenantConfigurationException.class, () -> new TenantFiles().load(dir.resolve("missing")))
                .getMessage();
        assertTrue(message.contains("samkost.tenants.dir"), message);
    }
}
