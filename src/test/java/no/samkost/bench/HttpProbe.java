package no.samkost.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's HTTP client, run as its own JVM process so that it does not share the service's
 * JVM (heap, JIT, safepoints), only the machine. JDK only; HTTP/1.1 with keep-alive, as a
 * reporting client would talk to the service.
 *
 * <p>Input: a file of {@code url<TAB>bearer token} lines. Output: one line with the median.
 *
 * <ul>
 *   <li>{@code each <file> <warmup> <samples>}: the median milliseconds of one request to the first
 *       line's URL;
 *   <li>{@code all <file> <concurrency> <rounds>}: the median milliseconds to fetch every line's URL
 *       once, {@code concurrency} at a time.
 * </ul>
 */
public final class HttpProbe {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        List<String[]> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            targets.add(line.split("\t", 2));
        }
        HttpProbe probe = new HttpProbe();
        double median =
                switch (args[0]) {
                    case "each" -> probe.each(targets.get(0), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                    case "all" -> probe.all(targets, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                    default -> throw new IllegalArgumentException("mode each or all, not " + args[0]);
                };
        System.out.println(String.format(Locale.ROOT, "%.3f", median));
    }

    double each(String[] target, int warmup, int samples) {
        double[] millis = new double[samples];
        for (int i = -warmup; i < samples; i++) {
            long t0 = System.nanoTime();
            get(target);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return median(millis);
    }

    double all(List<String[]> targets, int concurrency, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int round = 0; round < 3; round++) {
                fetchAll(targets, pool); // warm-up: connections, first use of each tenant, the JIT
            }
            double[] millis = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                fetchAll(targets, pool);
                millis[round] = (System.nanoTime() - t0) / 1e6;
            }
            return median(millis);
        } finally {
            pool.shutdownNow();
        }
    }

    private void fetchAll(List<String[]> targets, ExecutorService pool) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (String[] target : targets) {
            futures.add(pool.submit(() -> get(target)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private void get(String[] target) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(target[0]))
                            .header("Authorization", "Bearer " + target[1])
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(target[0] + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(target[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
