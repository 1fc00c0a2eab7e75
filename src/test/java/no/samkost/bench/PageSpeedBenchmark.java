package no.samkost.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samkost.e2e.DemoStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's speed goal: each page of the web front end, served with the demo data, takes at most
 * twice the time of the JSON endpoints whose figures it shows. Prints per page the median of the
 * page, the median of each endpoint and the ratio page / sum of the endpoints; asserts nothing about
 * time (a benchmark, not a timed test), but checks every answer it times (status 200 and the media
 * type), so that a fast error page is no result.
 *
 * <p>Against the demo as {@code deploy/local/run.sh} starts it ({@link DemoStack}: the packaged
 * service in a JVM of its own, its embedded PostgreSQL, a real Keycloak), with real access tokens;
 * the pages accept the same bearer tokens as the API. The client is this JVM, on loopback with
 * keep-alive: a time is the server's time plus one loopback round trip, the same for both sides.
 * Page and endpoints are requested in turn within every sample, so that drift (the JIT, the
 * database's caches) falls on both sides alike. Run with {@code ./mvnw -Pbench-pages verify}.
 */
@ExtendWith(DemoStack.Extension.class)
class PageSpeedBenchmark {

    static final int WARMUP = 300;
    static final int SAMPLES = 100;
    static final double GOAL = 2.0;

    /** A page, who looks at it, and the API calls that give the figures it shows. */
    record Pair(String name, String code, String user, String page, List<String> endpoints) {}

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everyPageWithinTwiceItsEndpoints(DemoStack demo) throws Exception {
        String api = "/api/v1/municipalities/";
        String service = firstServiceOf3k(demo);
        List<Pair> pairs = List.of(
                new Pair("Hjem", "0716", "coordinator-0716", "/app/0716", List.of("/api/v1/me")),
                new Pair(
                        "Mottakere",
                        "0716",
                        "coordinator-0716",
                        "/app/0716/mottakere",
                        List.of(api + "0716/recipients")),
                new Pair(
                        "Kostnader 2023",
                        "0716",
                        "coordinator-0716",
                        "/app/0716/kostnader?aar=2023",
                        List.of(api + "0716/costs/monthly?year=2023", api + "0716/costs?year=2023")),
                new Pair(
                        "Refusjonskrav 2023",
                        "0716",
                        "coordinator-0716",
                        "/app/0716/krav?aar=2023",
                        List.of(api + "0716/claims/2023")),
                new Pair("Revisor", "0706", "auditor-0706", "/app/0706/revisor", List.of(api + "0706/claims")),
                new Pair(
                        "Revisor: krav 2023",
                        "0706",
                        "auditor-0706",
                        "/app/0706/revisor/krav/2023",
                        List.of(api + "0706/claims/2023", api + "0706/claims/2023?live=true")),
                new Pair(
                        "Revisjonsspor", "0706", "auditor-0706", "/app/0706/revisor/spor", List.of(api + "0706/audit")),
                new Pair(
                        "Samarbeid 3k 2023",
                        "0716",
                        "coordinator-0716",
                        "/app/0716/samarbeid/3k?aar=2023",
                        List.of(
                                "/api/v1/cooperations/3k",
                                "/api/v1/cooperations/3k/services",
                                "/api/v1/cooperations/3k/pooled/2023",
                                "/api/v1/cooperations/3k/comparison/2023")),
                new Pair(
                        "Fellestjeneste (vert) 2023",
                        "0702",
                        "coordinator-0702",
                        "/app/0702/samarbeid/3k/tjenester/" + service + "?aar=2023",
                        List.of(
                                "/api/v1/cooperations/3k/services/" + service,
                                "/api/v1/cooperations/3k/services/" + service + "/placements",
                                "/api/v1/cooperations/3k/services/" + service + "/occupancy/2023",
                                "/api/v1/cooperations/3k/services/" + service + "/attribution/2023")));

        List<String> rows = new ArrayList<>();
        int over = 0;
        for (Pair pair : pairs) {
            String token = demo.token(pair.code(), pair.user());
            double[] medians = measure(demo.serviceUrl(), token, pair);
            double endpoints = 0;
            for (int i = 1; i < medians.length; i++) {
                endpoints += medians[i];
            }
            double ratio = medians[0] / endpoints;
            over += ratio > GOAL ? 1 : 0;
            rows.add(String.format(
                    Locale.ROOT,
                    "%-28s %9.2f ms %9.2f ms (%d) %7.2f %s",
                    pair.name(),
                    medians[0],
                    endpoints,
                    pair.endpoints().size(),
                    ratio,
                    ratio <= GOAL ? "ok" : "OVER"));
        }
        System.out.printf(
                Locale.ROOT,
                "%nPages vs their JSON endpoints, demo data, median of %d after %d warm-up rounds%n"
                        + "%-28s %12s %17s %7s%n",
                SAMPLES,
                WARMUP,
                "page",
                "page",
                "endpoints (n)",
                "ratio");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "goal: ratio <= %.1f; %d of %d pages over it%n%n", GOAL, over, pairs.size());
    }

    /** Medians in milliseconds: the page first, then each endpoint in the pair's order. */
    private double[] measure(String base, String token, Pair pair) {
        List<String> targets = new ArrayList<>();
        targets.add(pair.page());
        targets.addAll(pair.endpoints());
        double[][] millis = new double[targets.size()][SAMPLES];
        for (int sample = -WARMUP; sample < SAMPLES; sample++) {
            for (int t = 0; t < targets.size(); t++) {
                long started = System.nanoTime();
                fetch(base + targets.get(t), token, t == 0 ? "text/html" : "application/json");
                if (sample >= 0) {
                    millis[t][sample] = (System.nanoTime() - started) / 1e6;
                }
            }
        }
        double[] medians = new double[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            medians[t] = HttpProbe.median(millis[t]);
        }
        return medians;
    }

    private String fetch(String url, String token, String mediaType) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", mediaType)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith(mediaType)) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + " " + type);
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo's joint home in 3K (DemoData), as its host lists it. */
    private String firstServiceOf3k(DemoStack demo) {
        String json = fetch(
                demo.serviceUrl() + "/api/v1/cooperations/3k/services",
                demo.token("0702", "coordinator-0702"),
                "application/json");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        assertTrue(id.find(), "the demo has a joint service in 3k: " + json);
        return id.group(1);
    }
}
