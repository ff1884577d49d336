package org.ebgan4j.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ebgan4j.io.SampleWriters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class EnergyServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    static Path run;
    static EnergyService service;
    static EnergyScorer reference;

    @BeforeAll
    static void start() throws Exception {
        run = TinyRuns.gaussians4(dir.resolve("run"));
        EnergyService.Options d = EnergyService.Options.defaults();
        // Small limits, to reach them (16 threads, one for each concurrent request below): 4 KiB bodies, 50 rows a request, 100 samples.
        service = EnergyService.start(EnergyScorer.load(run),
                new EnergyService.Options("127.0.0.1", 0, 16, 4096, 50, 64, 100, null, Duration.ofSeconds(10)));
        reference = EnergyScorer.load(run);
    }

    @AfterAll
    static void stop() {
        service.close();
        reference.close();
    }

    private static HttpResponse<byte[]> post(String path, String type, byte[] body, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.uri() + path)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> postJson(String path, String json) throws Exception {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.uri() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static float[] energies(JsonNode answer) {
        JsonNode e = answer.get("energies");
        float[] out = new float[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.get(i).floatValue();
        }
        return out;
    }

    @Test
    void jsonAndNpyRowsGetTheScorersEnergiesInTheirOrder() throws Exception {
        float[][] rows = {{7.66f, 7.66f}, {0f, 0f}, {-7.66f, 7.66f}, {3f, -2f}};
        float[] expected = reference.score(rows);
        HttpResponse<byte[]> r = postJson("/v1/energy", JSON.writeValueAsString(java.util.Map.of("rows", rows)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(energies(json(r))).containsExactly(expected);
        // The bare array of rows is read the same.
        assertThat(energies(json(postJson("/v1/energy", JSON.writeValueAsString(rows))))).containsExactly(expected);

        // The same rows as a float32 .npy body.
        float[] flat = {rows[0][0], rows[0][1], rows[1][0], rows[1][1], rows[2][0], rows[2][1], rows[3][0], rows[3][1]};
        HttpResponse<byte[]> npy = post("/v1/energy", EnergyService.NPY, SampleWriters.npyBytes(flat, new long[] {4, 2}), null);
        assertThat(npy.statusCode()).isEqualTo(200);
        assertThat(energies(json(npy))).containsExactly(expected);

        // A threshold between two energies flags exactly the rows above it.
        float cut = (expected[0] + expected[1]) / 2;
        JsonNode flagged = json(postJson("/v1/energy?threshold=" + cut, JSON.writeValueAsString(rows)));
        for (int i = 0; i < rows.length; i++) {
            assertThat(flagged.get("anomalous").get(i).asBoolean()).isEqualTo(expected[i] > cut);
        }
    }

    @Test
    void concurrentRequestsAreScoredTogetherAndEachGetsItsOwnRows() throws Exception {
        long[] before = service.engineCounts();
        int requests = 12;
        List<float[][]> bodies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            bodies.add(new float[][] {{i, -i}, {0.5f * i, 1f}, {-i, 2f}});
        }
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        // The engine is held while the requests arrive, so that they wait together for it.
        synchronized (service.scorerForTests().gan()) {
            for (float[][] body : bodies) {
                answers.add(clients.submit(() -> postJson("/v1/energy", JSON.writeValueAsString(body))));
            }
            // Every request accepted: waiting, or taken by the engine thread, which then waits for the lock.
            // The engine may take more than the first request if several arrived before it woke.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (service.pendingRowsForTests() < 3 * requests && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(service.pendingRowsForTests()).as("rows accepted while the engine was held").isEqualTo(3 * requests);
        }
        for (int i = 0; i < requests; i++) {
            HttpResponse<byte[]> r = answers.get(i).get();
            assertThat(r.statusCode()).isEqualTo(200);
            // Scored in a batch of another size: equal to the last bits of float32 GEMM rounding.
            float[] alone = reference.score(bodies.get(i));
            float[] batched = energies(json(r));
            assertThat(batched).hasSize(alone.length);
            for (int k = 0; k < alone.length; k++) {
                assertThat(batched[k]).isCloseTo(alone[k], within(1e-5f * Math.abs(alone[k]) + 1e-7f));
            }
        }
        clients.shutdown();
        long[] after = service.engineCounts();
        assertThat(after[1] - before[1]).isEqualTo(3L * requests);
        // At most what the engine took first, then the rest in one batch.
        assertThat(after[0] - before[0]).isLessThanOrEqualTo(2);
    }

    @Test
    void badRequestsGetAOneLineJsonErrorAndTheRightStatus() throws Exception {
        assertError(postJson("/v1/energy", "{\"rows\": [[1, NaN]]}"), 400, "row 0, value 1 is NaN");
        assertError(postJson("/v1/energy", "{\"rows\": [[1, 2], [3]]}"), 400, "row 1 has 1 values; this model takes 2");
        assertError(postJson("/v1/energy", "{\"rows\": [[1, \"a\"]]}"), 400, "row 0, value 1 is the string \"a\"");
        assertError(postJson("/v1/energy", "{\"rows\": [[1, 2]"), 400, "not valid JSON");
        assertError(postJson("/v1/energy", "{\"rows\": []}"), 400, "no rows");
        assertError(postJson("/v1/energy", "{\"data\": [[1, 2]]}"), 400, "unknown field \"data\"");
        assertError(post("/v1/energy", "text/csv", "1,2".getBytes(StandardCharsets.UTF_8), null), 415, "text/csv");
        assertError(post("/v1/energy", EnergyService.NPY, "not numpy".getBytes(StandardCharsets.UTF_8), null), 400, "not a NumPy");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("[1,2]");
        }
        assertError(postJson("/v1/energy", many.append("]").toString()), 413, "more than 50 rows");
        assertError(postJson("/v1/energy", "[[" + "1,".repeat(3000) + "1]]"), 413, "at most 4096");
        assertError(get("/v1/energy"), 405, "use POST");
        assertError(get("/nothing"), 404, "no such endpoint /nothing");
        assertError(post("/v1/sample?n=101", null, new byte[0], null), 400, "n=101 is out of range");
        assertError(post("/v1/sample?n=two", null, new byte[0], null), 400, "not a whole number");
        assertError(post("/v1/sample?n=2", null, new byte[0], "text/html"), 406, "text/html");
        assertError(postJson("/v1/energy?threshold=NaN", "[[1,2]]"), 400, "threshold=NaN");
        // After all that the service still answers.
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("ok");
    }

    private static void assertError(HttpResponse<byte[]> r, int status, String containing) throws Exception {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(text).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(text).doesNotContain("\n");
        assertThat(json(r).get("error").asText()).contains(containing);
    }

    @Test
    void samplesComeAsJsonNpyOrPngAndRepeatForASeed() throws Exception {
        JsonNode a = json(post("/v1/sample?n=5&seed=7", null, new byte[0], "application/json"));
        JsonNode again = json(post("/v1/sample?n=5&seed=7", null, new byte[0], null));
        JsonNode other = json(post("/v1/sample?n=5&seed=8", null, new byte[0], null));
        assertThat(a.get("samples").size()).isEqualTo(5);
        assertThat(a.get("samples").get(0).size()).isEqualTo(2);
        assertThat(a.get("samples")).isEqualTo(again.get("samples"));
        assertThat(a.get("samples")).isNotEqualTo(other.get("samples"));

        HttpResponse<byte[]> npy = post("/v1/sample?n=5&seed=7", null, new byte[0], EnergyService.NPY);
        assertThat(npy.headers().firstValue("Content-Type")).hasValue(EnergyService.NPY);
        SampleWriters.Samples s = SampleWriters.readNpy(npy.body(), "the answer");
        assertThat(s.shape()).containsExactly(5, 2);
        assertThat(s.values()[3]).isEqualTo(a.get("samples").get(1).get(1).floatValue());

        HttpResponse<byte[]> png = post("/v1/sample?n=5&seed=7", null, new byte[0], "image/png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(java.util.Arrays.copyOf(png.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void theModelAndHealthAreDescribed() throws Exception {
        JsonNode model = json(get("/v1/model"));
        assertThat(model.get("model").asText()).isEqualTo("ebgan-pt");
        assertThat(model.get("data").get("dim").asInt()).isEqualTo(2);
        assertThat(model.get("data").get("dataset").asText()).isEqualTo("gaussians4");
        assertThat(model.get("training").get("last").get("step").asLong()).isEqualTo(50);
        assertThat(model.get("training").get("config").get("game").get("model").asText()).isEqualTo("ebgan-pt");
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void drainingFinishesTheRequestInFlightAndRefusesNewOnes() throws Exception {
        EnergyService own = EnergyService.start(EnergyScorer.load(run), EnergyService.Options.defaults().withPort(0));
        URI base = own.uri();
        CompletableFuture<HttpResponse<String>> inFlight;
        CompletableFuture<Integer> drained;
        synchronized (own.scorerForTests().gan()) {
            inFlight = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/v1/energy")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[[1, 2], [3, 4]]")).build(), HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (own.inFlightForTests() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(own.inFlightForTests()).as("the request reached the service").isEqualTo(1);
            drained = CompletableFuture.supplyAsync(own::drainAndClose);
            while (!own.drainingForTests() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            HttpResponse<String> late = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.body()).contains("shutting down");
            assertThat(inFlight).isNotDone();
        }
        HttpResponse<String> answer = inFlight.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("energies").size()).isEqualTo(2);
        assertThat(drained.get()).isEqualTo(1);
    }
}
