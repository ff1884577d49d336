package org.ebgan4j.serve;

import org.ebgan4j.io.ProcessMemory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load test of {@code POST /v1/energy}: at each level, that many clients send requests
 * back to back over kept-alive HTTP/1.1 connections until the level's time or request count runs out,
 * whichever comes first. A seeded fraction of requests is malformed (a NaN, a short row, a value out of
 * range, broken JSON, a wrong content type) and must be refused with a 4xx JSON error; a good request
 * must get 200 with one energy per row. Anything else counts as unexpected. After each level the
 * process's heap (after a GC) and resident memory are read, to show they stay flat.
 */
public final class LoadTest {

    /**
     * @param clients concurrent clients per level
     * @param perLevel longest time per level
     * @param maxRequests most requests per level, all clients together
     * @param rowsPerRequest rows of a good request
     * @param malformed fraction of malformed requests
     */
    public record Settings(int[] clients, Duration perLevel, int maxRequests, int rowsPerRequest, double malformed, long seed) {

        public Settings {
            if (clients.length == 0 || Arrays.stream(clients).anyMatch(c -> c < 1 || c > 1024)) {
                throw new IllegalArgumentException("clients must be 1 to 1024 per level, got " + Arrays.toString(clients));
            }
            if (maxRequests < 1 || rowsPerRequest < 1 || perLevel.isNegative() || perLevel.isZero()) {
                throw new IllegalArgumentException("the level's time, request count and rows per request must be positive");
            }
            if (!(malformed >= 0 && malformed <= 1)) {
                throw new IllegalArgumentException("the malformed fraction must lie in [0, 1], got " + malformed);
            }
        }
    }

    /** One level's figures; latencies in milliseconds, memory in MiB after the level. */
    public record Level(int clients, long requests, long malformed, long unexpected, double seconds, double requestsPerSecond,
            double rowsPerSecond, double p50Ms, double p99Ms, double heapMiB, double rssMiB, String firstUnexpected) {}

    private record Body(byte[] bytes, String type, boolean good) {}

    private LoadTest() {}

    /** Runs every level against the service at {@code base}, which scores rows of {@code dim} values. */
    public static List<Level> run(URI base, int dim, boolean images, Settings settings) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI energy = URI.create(base + "/v1/energy");
        List<Body> good = new ArrayList<>();
        Random random = new Random(settings.seed());
        for (int i = 0; i < 8; i++) {
            good.add(new Body(json(rows(random, settings.rowsPerRequest(), dim, images)), "application/json", true));
        }
        List<Body> bad = malformed(random, dim, images);
        List<Level> levels = new ArrayList<>();
        for (int clients : settings.clients()) {
            levels.add(level(client, energy, clients, good, bad, settings));
        }
        return levels;
    }

    private static Level level(HttpClient http, URI energy, int clients, List<Body> good, List<Body> bad, Settings s) {
        AtomicLong issued = new AtomicLong();
        AtomicLong malformedSent = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        ConcurrentLinkedQueue<String> surprises = new ConcurrentLinkedQueue<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long deadline = System.nanoTime() + s.perLevel().toNanos();
        long start = System.nanoTime();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int id = c;
            latencies[c] = new long[Math.max(16, s.maxRequests() / clients + 1)];
            threads[c] = new Thread(() -> {
                Random random = new Random(s.seed() * 1_000_003L + clients * 1009L + id);
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= s.maxRequests()) {
                    boolean malformed = random.nextDouble() < s.malformed();
                    Body body = malformed ? bad.get(random.nextInt(bad.size())) : good.get(random.nextInt(good.size()));
                    if (malformed) {
                        malformedSent.incrementAndGet();
                    }
                    HttpRequest request = HttpRequest.newBuilder(energy).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", body.type()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
                    long t0 = System.nanoTime();
                    String problem;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        problem = check(response, body, s.rowsPerRequest());
                    } catch (IOException e) {
                        problem = "I/O: " + e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long t = System.nanoTime() - t0;
                    if (counts[id] == latencies[id].length) {
                        latencies[id] = Arrays.copyOf(latencies[id], 2 * counts[id]);
                    }
                    latencies[id][counts[id]++] = t;
                    if (problem != null) {
                        unexpected.incrementAndGet();
                        surprises.add(problem);
                    }
                }
            }, "load-client-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the load test was interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        long goodRequests = all.length - malformedSent.get();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        return new Level(clients, all.length, malformedSent.get(), unexpected.get(), seconds, all.length / seconds,
                goodRequests * s.rowsPerRequest() / seconds, quantile(all, 0.50) / 1e6, quantile(all, 0.99) / 1e6, heap, ProcessMemory.residentMiB(),
                surprises.peek());
    }

    /** Null when the answer is the one expected, else what was wrong. */
    private static String check(HttpResponse<String> response, Body body, int rows) {
        int status = response.statusCode();
        String text = response.body();
        if (body.good()) {
            if (status != 200) {
                return "a good request got " + status + ": " + text;
            }
            int energies = text.indexOf("\"energies\":[");
            long commas = text.chars().filter(ch -> ch == ',').count();
            return energies < 0 || commas != rows - 1 ? "a good request got an answer without " + rows + " energies: " + text : null;
        }
        if (status < 400 || status >= 500 || !text.startsWith("{\"error\":\"") || text.contains("\n")) {
            return "a malformed request got " + status + ": " + text;
        }
        return null;
    }

    private static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    private static float[][] rows(Random random, int n, int dim, boolean images) {
        float[][] rows = new float[n][dim];
        for (float[] row : rows) {
            for (int j = 0; j < dim; j++) {
                row[j] = images ? random.nextFloat() : (float) random.nextGaussian();
            }
        }
        return rows;
    }

    private static byte[] json(float[][] rows) {
        StringBuilder b = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < rows.length; i++) {
            b.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < rows[i].length; j++) {
                if (j > 0) {
                    b.append(',');
                }
                b.append(rows[i][j]);
            }
            b.append(']');
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Body> malformed(Random random, int dim, boolean images) {
        List<Body> bad = new ArrayList<>();
        float[][] nan = rows(random, 4, dim, images);
        nan[2][dim / 2] = Float.NaN;
        bad.add(new Body(json(nan), "application/json", false));
        float[][] shortRow = rows(random, 4, dim, images);
        shortRow[1] = Arrays.copyOf(shortRow[1], dim - 1);
        bad.add(new Body(json(shortRow), "application/json", false));
        if (images) {
            float[][] range = rows(random, 4, dim, images);
            range[3][0] = 255f;
            bad.add(new Body(json(range), "application/json", false));
        }
        bad.add(new Body("{\"rows\": [[0.1, 0.2".getBytes(StandardCharsets.UTF_8), "application/json", false));
        bad.add(new Body(json(rows(random, 2, dim, images)), "text/plain", false));
        return bad;
    }

    /** The figures as a Markdown table. */
    public static String table(List<Level> levels) {
        StringBuilder b = new StringBuilder();
        b.append("| clients | requests | malformed | unexpected | requests/s | rows/s | p50 ms | p99 ms | heap MiB | RSS MiB |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Level l : levels) {
            b.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f |%n", l.clients(),
                    l.requests(), l.malformed(), l.unexpected(), l.requestsPerSecond(), l.rowsPerSecond(), l.p50Ms(), l.p99Ms(),
                    l.heapMiB(), l.rssMiB()));
        }
        return b.toString();
    }
}
