package no.samkost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Logs a demo user in at the test's Keycloak (password grant, password {@code demo}). */
public final class KeycloakTokens {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTokens() {}

    /**
     * The access token of {@code username} in realm {@code kommune-<code>}, e.g. {@code
     * password(url, "0716", "coordinator-0716")}.
     */
    public static String password(String keycloakUrl, String code, String username) {
        URI tokenEndpoint = URI.create(keycloakUrl + "/realms/kommune-" + code + "/protocol/openid-connect/token");
        String form = "grant_type=password&client_id=samkost&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("token request to " + tokenEndpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the token request to " + tokenEndpoint, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " at " + tokenEndpoint + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        JsonNode token;
        try {
            token = JSON.readTree(response.body()).path("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException("token response from " + tokenEndpoint + " is not JSON", e);
        }
        if (!token.isTextual() || token.asText().isEmpty()) {
            throw new IllegalStateException("token response from " + tokenEndpoint + " has no access_token");
        }
        return token.asText();
    }
}
