package no.samkost.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF protection for every form: a token bound to the person's session (tenant, subject and the
 * identity provider's session id), a MAC under a server key. Another site can make a browser post
 * a form, but cannot read a page to learn the token. Every page handler that changes anything
 * calls {@link #verify} first; {@code PageRoutesTest} posts to each one without a token.
 *
 * <p>The key is {@code samkost.web.form-key} (base64, at least 32 bytes) when set, which several
 * replicas must share; else random at start, so a restart asks open forms to be sent again.
 */
@ApplicationScoped
public class FormTokens {

    static final String FIELD = "_csrf";
    private static final String MAC = "HmacSHA256";

    private final byte[] key;

    public FormTokens(@ConfigProperty(name = "samkost.web.form-key") Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] decoded = Base64.getDecoder().decode(configured.get().trim());
            if (decoded.length < 32) {
                throw new IllegalStateException("samkost.web.form-key must be at least 32 bytes (base64)");
            }
            this.key = decoded;
        } else {
            this.key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    public String token(String sessionBinding) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            byte[] tag = mac.doFinal(sessionBinding.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is part of every JDK", e);
        }
    }

    /** Refuses (403) a form whose token is missing or not this session's. */
    public void verify(String sessionBinding, String presented) {
        byte[] expected = token(sessionBinding).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "the form's token is missing or belongs to another session; reload the page");
        }
    }
}
