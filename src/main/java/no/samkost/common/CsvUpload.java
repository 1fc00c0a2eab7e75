package no.samkost.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A CSV request body as every import reads it: no more than the configured limit, hashed while it
 * streams (a retry under the same Idempotency-Key is recognised by its bytes), and decoded as
 * UTF-8 record by record.
 */
public final class CsvUpload {

    /** The body's hash stands for the request in the idempotency record. */
    public record BodyHash(String sha256) {}

    private final MessageDigest sha256;
    private final DigestInputStream body;

    public CsvUpload(InputStream body, long limit) {
        this.sha256 = sha256();
        this.body = new DigestInputStream(new LimitedInputStream(body, limit), sha256);
    }

    /**
     * The answer an import of the same bytes under {@code key} gave, if there was one. The body is
     * read and hashed here only when the key was seen before; otherwise it is left for the import.
     */
    public <T> Optional<T> earlierAnswer(
            IdempotentRequests idempotency, String operation, Optional<String> key, Class<T> answerType) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return idempotency.earlierResponse(operation, key.get(), () -> new BodyHash(readToTheEnd()), answerType);
    }

    /** Keeps the answer for a retry under {@code key}; call it once the whole body has been read. */
    public void remember(IdempotentRequests idempotency, String operation, Optional<String> key, Object answer) {
        key.ifPresent(k -> idempotency.remember(operation, k, new BodyHash(hex()), answer));
    }

    /**
     * The body's records. The decoder reads ahead, so an exception would name a later row than the
     * bad bytes; each undecodable byte becomes U+FFFD instead, which the row's own check refuses
     * (InputText) by its number.
     */
    public CsvRecords records() {
        return new CsvRecords(new BufferedReader(
                new InputStreamReader(
                        body,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16));
    }

    private String readToTheEnd() {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hex();
    }

    private String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
