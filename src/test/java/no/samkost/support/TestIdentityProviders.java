package no.samkost.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-test OpenID provider per municipality, served over real HTTP like a Keycloak realm:
 * discovery and JWKS with an RSA key each. It also writes a tenants/ directory whose issuers point
 * here, so the service verifies real signatures, issuers, audiences and expiry.
 *
 * <p>Private keys go to files ({@code samkost.test.idp-keys}) for {@link Tokens} to sign with:
 * test resources and test classes may live in different class loaders, so no static sharing.
 * {@code /stats/introspection} counts introspection calls, which must stay at zero.
 */
public class TestIdentityProviders implements QuarkusTestResourceLifecycleManager {

    /** code, tenant id, name; 0706 is in no cooperation. */
    static final String[][] MUNICIPALITIES = {
        {"0716", "re", "Re"},
        {"0714", "hof", "Hof"},
        {"0702", "holmestrand", "Holmestrand"},
        {"0706", "sandefjord", "Sandefjord"},
        {"0711", "flaky", "Flaky"},
        {"0999", "unlisted", "Not configured"}
    };
    /** Served here, signed for, but absent from tenants/: the "unknown issuer". */
    static final String UNLISTED = "0999";
    /** Its provider answers 503 until {@code POST /control/up/0711}: an IdP down at start. */
    static final String FLAKY = "0711";

    private HttpServer server;
    private Path root;
    private final AtomicInteger introspections = new AtomicInteger();
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("samkost-test-idp");
            Path keys = Files.createDirectories(root.resolve("keys"));
            Path tenants = Files.createDirectories(root.resolve("tenants"));
            Files.createDirectories(tenants.resolve("cooperations"));
            // Every municipality's OIDC client keeps its own connections open; the JDK server closes
            // idle ones beyond 200 by default, which a benchmark with 356 municipalities exceeds.
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4000");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "test-identity-provider");
                thread.setDaemon(true);
                return thread;
            }));
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair shared = null;
            for (String[] m : municipalities()) {
                String code = m[0];
                boolean synthetic = m[1].startsWith(SYNTHETIC_PREFIX);
                if (synthetic && shared == null) {
                    shared = generator.generateKeyPair();
                }
                // Synthetic (benchmark) municipalities share one key: 2048-bit keys take a while to make.
                KeyPair pair = synthetic ? shared : generator.generateKeyPair();
                String issuer = base + "/realms/kommune-" + code;
                Files.writeString(
                        keys.resolve(code + ".key"),
                        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                serveRealm(code, issuer, kid(code), (RSAPublicKey) pair.getPublic());
                if (!UNLISTED.equals(code)) {
                    Files.writeString(tenants.resolve(m[1] + ".yaml"), tenantFile(m, issuer));
                }
            }
            Files.writeString(tenants.resolve("cooperations/3k.yaml"), COOPERATION_3K);
            // The same members again, for the hand-computed example alone (no other test writes there).
            Files.writeString(
                    tenants.resolve("cooperations/hand.yaml"),
                    COOPERATION_3K.replace("id: 3k\nname: 3K test", "id: hand\nname: Hand-computed example"));
            // The demo's agreement (tenants/cooperations/3k.yaml) for the same members: for the
            // small-number tests alone, which rebuild the demo's figures there.
            Files.writeString(
                    tenants.resolve("cooperations/demo.yaml"),
                    "id: demo\nname: Demo figures\nhost: holmestrand\nmembers: [re, hof, holmestrand]\n"
                            + DEMO_AGREEMENT);
            // Sandefjord's own cooperation: a member of another cooperation, for the 403 on 3k.
            Files.writeString(
                    tenants.resolve("cooperations/sor.yaml"),
                    "id: sor\nname: Sor test\nhost: sandefjord\nmembers: [sandefjord, flaky]\n" + AGREEMENT);
            if (Integer.getInteger(SYNTHETIC_COUNT, 0) >= BENCH_COOPERATION_MEMBERS) {
                StringBuilder members = new StringBuilder();
                for (int n = 1; n <= BENCH_COOPERATION_MEMBERS; n++) {
                    members.append(n == 1 ? "" : ", ").append(SYNTHETIC_PREFIX).append(syntheticCode(n));
                }
                Files.writeString(
                        tenants.resolve("cooperations/" + BENCH_COOPERATION + ".yaml"),
                        "id: " + BENCH_COOPERATION + "\nname: Benchmark\nhost: " + SYNTHETIC_PREFIX + syntheticCode(1)
                                + "\nmembers: [" + members + "]\n" + AGREEMENT);
            }
            down.add(FLAKY);
            server.createContext("/control/up/", exchange -> {
                down.remove(exchange.getRequestURI().getPath().substring("/control/up/".length()));
                respond(exchange, 200, "{}");
            });
            server.createContext(
                    "/stats/introspection", exchange -> respond(exchange, 200, Integer.toString(introspections.get())));
            server.start();
            Map<String, String> config = new LinkedHashMap<>();
            config.put("samkost.tenants.dir", tenants.toString());
            config.put(Tokens.IDP_URL, base);
            config.put(Tokens.IDP_KEYS, keys.toString());
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("test identity providers did not start", e);
        }
    }

    static final String AGREEMENT =
            """
            agreement:
              startsOn: 2010-01-01
              sharedCostSplit:
                default: {EQUAL: 0.2, PLACEMENT_DAYS: 0.8}
              standAlone:
                fixedCostPerYear: 3000000.00
                variableCostPerRecipient: 1200000.00
            """;

    /** As in the repository's demo 3K agreement, with the small-number rule's minimum written out. */
    static final String DEMO_AGREEMENT =
            """
            agreement:
              startsOn: 2010-01-01
              sharedCostSplit:
                default: {EQUAL: 0.2, PLACEMENT_DAYS: 0.8}
              standAlone:
                fixedCostPerYear: 3200000.00
                variableCostPerRecipient: 1400000.00
              minimumCellSize: 3
            """;

    /** The test 3K: hosted by Holmestrand (0702), with Re (0716) and Hof (0714). */
    static final String COOPERATION_3K =
            "id: 3k\nname: 3K test\nhost: holmestrand\nmembers: [re, hof, holmestrand]\n" + AGREEMENT;

    /** With synthetic municipalities, the first ten form this cooperation, hosted by the first. */
    public static final String BENCH_COOPERATION = "bench";

    public static final int BENCH_COOPERATION_MEMBERS = 10;

    /** Benchmarks ask for this many extra municipalities, codes 5001 and up. */
    public static final String SYNTHETIC_COUNT = "samkost.bench.municipalities";

    static final String SYNTHETIC_PREFIX = "synthetic-";

    public static String syntheticCode(int n) {
        return Integer.toString(5000 + n);
    }

    static List<String[]> municipalities() {
        List<String[]> all = new java.util.ArrayList<>(List.of(MUNICIPALITIES));
        int synthetic = Integer.getInteger(SYNTHETIC_COUNT, 0);
        for (int n = 1; n <= synthetic; n++) {
            all.add(new String[] {syntheticCode(n), SYNTHETIC_PREFIX + syntheticCode(n), "Synthetic " + n});
        }
        return all;
    }

    static String kid(String code) {
        return "key-" + code;
    }

    private static String tenantFile(String[] m, String issuer) {
        if ("0706".equals(m[0])) {
            // An Entra-style mapping: the IdP's role names differ from samkost's, and "coordinator"
            // spelled like a samkost role must grant nothing here.
            return """
                    id: %s
                    code: "%s"
                    name: %s
                    oidc:
                      issuer: %s
                      audience: samkost
                      roleClaimPath: realm_access/roles
                      roleMapping:
                        Samkost.Coordinator: coordinator
                        Samkost.Viewer: viewer
                        Samkost.ProjectGroup: cooperation-member
                        Samkost.Auditor: auditor
                    """
                    .formatted(m[1], m[0], m[2], issuer);
        }
        return """
                id: %s
                code: "%s"
                name: %s
                population:
                  2023: 10000
                oidc:
                  issuer: %s
                  audience: samkost
                  roleClaimPath: realm_access/roles
                  roleMapping:
                    koordinator: coordinator
                    coordinator: coordinator
                    viewer: viewer
                    cooperation-member: cooperation-member
                    auditor: auditor
                """
                .formatted(m[1], m[0], m[2], issuer);
    }

    private void serveRealm(String code, String issuer, String kid, RSAPublicKey key) {
        String path = "/realms/kommune-" + code;
        String discovery =
                """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "introspection_endpoint":"%1$s/protocol/openid-connect/token/introspect",
                 "id_token_signing_alg_values_supported":["RS256"]}"""
                        .formatted(issuer);
        String jwks =
                """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                        .formatted(kid, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
        server.createContext(
                path + "/.well-known/openid-configuration",
                exchange -> respond(exchange, down.contains(code) ? 503 : 200, discovery));
        server.createContext(
                path + "/protocol/openid-connect/certs",
                exchange -> respond(exchange, down.contains(code) ? 503 : 200, jwks));
        server.createContext(path + "/protocol/openid-connect/token/introspect", exchange -> {
            introspections.incrementAndGet();
            respond(exchange, 200, "{\"active\":true}");
        });
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (root != null) {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is untidy, not wrong
            }
        }
    }
}
