package no.samkost.support;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real RS256 tokens from the in-test identity providers ({@link TestIdentityProviders}). */
public final class Tokens {

    static final String IDP_URL = "samkost.test.idp-url";
    static final String IDP_KEYS = "samkost.test.idp-keys";

    private Tokens() {}

    public static String issuer(String code) {
        return ConfigProvider.getConfig().getValue(IDP_URL, String.class) + "/realms/kommune-" + code;
    }

    public static PrivateKey privateKey(String code) {
        try {
            Path keys = Path.of(ConfigProvider.getConfig().getValue(IDP_KEYS, String.class));
            byte[] der = Base64.getDecoder().decode(Files.readString(keys.resolve(code + ".key")));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("no test key for " + code, e);
        }
    }

    /** A valid token of {@code code}'s identity provider for a user with these IdP roles. */
    public static String token(String code, String... roles) {
        return token(code, claims -> claims, roles);
    }

    /** A coordinator (all roles) of {@code code}. */
    public static String coordinator(String code) {
        return token(code, "coordinator", "viewer", "cooperation-member");
    }

    public static String viewer(String code) {
        return token(code, "viewer");
    }

    /** The auditor of {@code code}: the role auditor only, and a person other than the coordinator. */
    public static String auditor(String code) {
        return token(code, claims -> claims.subject("auditor-" + code), "auditor");
    }

    /** A token of {@code code} whose claims the test bends before it is signed with code's key. */
    public static String token(String code, UnaryOperator<JwtClaimsBuilder> bend, String... roles) {
        return signed(bend.apply(claims(code, roles)), TestIdentityProviders.kid(code), privateKey(code));
    }

    /** Valid claims of {@code code}'s provider, for a test that signs them its own way. */
    public static JwtClaimsBuilder claims(String code, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer(code))
                .audience("samkost")
                .subject("user-" + code)
                .claim("preferred_username", "test-user-" + code)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
    }

    /** RS256 with the given key id and key, whichever municipality they belong to. */
    public static String signed(JwtClaimsBuilder claims, String kid, PrivateKey key) {
        return claims.jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    public static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }
}
