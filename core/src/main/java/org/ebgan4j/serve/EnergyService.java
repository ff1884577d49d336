package org.ebgan4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.ebgan4j.eval.SampleInputs;
import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.MetricsLog;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.RunPictures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trained run over HTTP, on the JDK's own server ({@code com.sun.net.httpserver}):
 * <ul>
 *   <li>{@code POST /v1/energy}: rows as JSON ({@code {"rows": [[...]]}}) or a {@code .npy} body
 *       ({@code Content-Type: application/x-npy}); answers {@code {"energies": [...]}} in the rows'
 *       order, with {@code "anomalous"} flags when a threshold is set (query {@code threshold=T} or
 *       the service's default, {@link AnomalyThreshold});</li>
 *   <li>{@code POST /v1/sample?n=N&seed=S}: samples in the data's units, as JSON, {@code .npy} or a PNG
 *       picture by the {@code Accept} header;</li>
 *   <li>{@code GET /v1/model}: the model, its data shape and a summary of its training;</li>
 *   <li>{@code GET /health}: {@code {"status": "ok"}}, or 503 while draining.</li>
 * </ul>
 * Rows are validated in the request's thread exactly as {@link EnergyScorer} validates them, and
 * concurrent valid requests are scored together ({@link BatchingScorer}). Every refusal is a 4xx (or a
 * 503 when the queue is full) with a one-line {@code {"error": "..."}} body. {@link #close} drains:
 * new requests get 503, requests in flight finish, then the server stops.
 */
public final class EnergyService implements AutoCloseable {

    /**
     * @param host address to listen on ({@code 127.0.0.1} keeps the service local)
     * @param port 0 for any free port
     * @param threads request threads
     * @param maxRequestBytes largest body read
     * @param maxRowsPerRequest most rows one request may score
     * @param maxBatchRows most rows scored in one engine call
     * @param maxSamples most samples one request may draw
     * @param threshold default anomaly threshold, or {@code null} for none
     * @param drain longest wait for requests in flight at shutdown
     */
    public record Options(String host, int port, int threads, int maxRequestBytes, int maxRowsPerRequest, int maxBatchRows,
            int maxSamples, Double threshold, Duration drain) {

        public static Options defaults() {
            return new Options("127.0.0.1", 8080, 16, 64 << 20, 10_000, 1024, 4096, null, Duration.ofSeconds(30));
        }

        public Options withPort(int p) {
            return new Options(host, p, threads, maxRequestBytes, maxRowsPerRequest, maxBatchRows, maxSamples, threshold, drain);
        }

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not a TCP port; give 1 to 65535, or 0 for any free one");
            }
            if (threads < 1 || maxRequestBytes < 1 || maxRowsPerRequest < 1 || maxBatchRows < 1 || maxSamples < 1) {
                throw new IllegalArgumentException("threads, request size, rows per request, batch and sample limits must be at least 1");
            }
        }
    }

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes wait on the client's
        // delayed ACK: about 40 ms a request. Read once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NPY = "application/x-npy";

    private final EnergyScorer scorer;
    private final Options options;
    private final BatchingScorer batcher;
    private final SampleInputs.Reader reader;
    private final ObjectNode modelInfo;
    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean draining;
    private boolean closed;

    private EnergyService(EnergyScorer scorer, Options options) throws IOException {
        this.scorer = scorer;
        this.options = options;
        this.batcher = new BatchingScorer(scorer, options.maxBatchRows(),
                Math.max(options.maxBatchRows(), 4 * Math.max(options.maxRowsPerRequest(), options.maxBatchRows())));
        this.reader = SampleInputs.Reader.of(scorer.gan());
        this.modelInfo = describe(scorer);
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        this.pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "ebgan-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts serving {@code scorer}; the service closes the scorer when it closes. */
    public static EnergyService start(EnergyScorer scorer, Options options) throws IOException {
        return new EnergyService(scorer, options);
    }

    /** The port listened on (the chosen one when {@link Options#port} is 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://" + options.host() + ":" + port());
    }

    /** Requests answered 2xx, and those refused 4xx or 503, so far. */
    public long[] counts() {
        return new long[] {served.get(), refused.get()};
    }

    /** Engine calls made and rows scored so far (fewer calls than requests when batching joined them). */
    public long[] engineCounts() {
        return batcher.counts();
    }

    EnergyScorer scorerForTests() {
        return scorer;
    }

    int pendingRowsForTests() {
        return batcher.pendingRows();
    }

    int inFlightForTests() {
        return inFlight.get();
    }

    boolean drainingForTests() {
        return draining;
    }

    /**
     * Drains and stops: refuses new requests (503), waits up to the drain time for those in flight,
     * stops the server and closes the model. Returns the number of requests that were in flight.
     */
    public synchronized int drainAndClose() {
        if (closed) {
            return 0;
        }
        draining = true;
        int waiting = inFlight.get();
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        batcher.close();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scorer.close();
        closed = true;
        return waiting;
    }

    @Override
    public void close() {
        drainAndClose();
    }

    /** An answer other than 200: status and one line. */
    private static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            if (draining) {
                throw new HttpError(503, "the service is shutting down; retry on another instance");
            }
            route(exchange);
            served.incrementAndGet();
        } catch (HttpError e) {
            refuse(exchange, e.status, e.getMessage());
        } catch (RequestRows.TooLarge e) {
            refuse(exchange, 413, e.getMessage());
        } catch (BatchingScorer.Overloaded e) {
            refuse(exchange, 503, e.getMessage());
        } catch (IllegalArgumentException e) {
            refuse(exchange, 400, e.getMessage());
        } catch (IOException e) {
            // The client went away mid-request: nothing to answer.
            refused.incrementAndGet();
        } catch (RuntimeException | Error e) {
            refuse(exchange, 500, "the service failed on this request: " + e);
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private void refuse(HttpExchange exchange, int status, String message) {
        refused.incrementAndGet();
        ObjectNode error = JSON.createObjectNode().put("error", message == null ? "error" : message.replaceAll("\\s*\\R\\s*", " "));
        try {
            drainBody(exchange);
            send(exchange, status, "application/json", JSON.writeValueAsBytes(error));
        } catch (IOException ignored) {
            // The client is gone.
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/health" -> {
                requireMethod(method, "GET");
                sendJson(exchange, JSON.createObjectNode().put("status", "ok"));
            }
            case "/v1/model" -> {
                requireMethod(method, "GET");
                sendJson(exchange, modelInfo);
            }
            case "/v1/energy" -> {
                requireMethod(method, "POST");
                energy(exchange);
            }
            case "/v1/sample" -> {
                requireMethod(method, "POST");
                sample(exchange);
            }
            default -> throw new HttpError(404, "no such endpoint " + path
                    + "; the service answers POST /v1/energy, POST /v1/sample, GET /v1/model and GET /health");
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new HttpError(405, method + " is not allowed here; use " + expected);
        }
    }

    private void energy(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        Double threshold = options.threshold();
        if (query.containsKey("threshold")) {
            threshold = parseDouble("threshold", query.get("threshold"));
        }
        String type = contentType(exchange);
        byte[] body = readBody(exchange);
        RequestRows rows;
        if (type.equals(NPY) || type.equals("application/octet-stream")) {
            rows = RequestRows.ofNpy(body, reader, options.maxRowsPerRequest());
        } else if (type.equals("application/json") || type.isEmpty()) {
            rows = RequestRows.ofJson(body, scorer.dimension(), options.maxRowsPerRequest());
        } else {
            throw new HttpError(415, "Content-Type " + type + " is not read; send application/json rows or an " + NPY + " array");
        }
        scorer.validate(rows.values(), rows.n());
        float[] energies;
        try {
            energies = batcher.submit(rows.values(), rows.n()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the service was interrupted; retry");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode values = answer.putArray("energies");
        for (float e : energies) {
            values.add(e);
        }
        if (threshold != null) {
            AnomalyThreshold t = new AnomalyThreshold(threshold);
            answer.put("threshold", threshold);
            ArrayNode flags = answer.putArray("anomalous");
            for (float e : energies) {
                flags.add(t.classify(e).type() == AnomalyThreshold.Type.ANOMALOUS);
            }
        }
        sendJson(exchange, answer);
    }

    private void sample(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        int n = (int) parseLong("n", query.getOrDefault("n", "16"), 1, options.maxSamples());
        long seed = parseLong("seed", query.getOrDefault("seed", "1"), Long.MIN_VALUE, Long.MAX_VALUE);
        String accept = accept(exchange);
        drainBody(exchange);
        EnergyGan model = scorer.gan();
        int dim = scorer.dimension();
        float[] normalised;
        synchronized (model) {
            normalised = model.sample(n, seed);
        }
        switch (accept) {
            case "image/png" -> {
                Path png = Files.createTempFile("ebgan-sample", ".png");
                try {
                    synchronized (model) {
                        RunPictures.writeSamples(model, normalised, n, png);
                    }
                    send(exchange, 200, "image/png", Files.readAllBytes(png));
                } finally {
                    Files.deleteIfExists(png);
                }
            }
            case NPY -> send(exchange, 200, NPY, SampleWriters.npyBytes(model.toRaw(normalised), new long[] {n, dim}));
            default -> {
                float[] raw = model.toRaw(normalised);
                ObjectNode answer = JSON.createObjectNode().put("n", n).put("seed", seed);
                answer.putArray("shape").add(n).add(dim);
                ArrayNode rows = answer.putArray("samples");
                for (int i = 0; i < n; i++) {
                    ArrayNode row = rows.addArray();
                    for (int j = 0; j < dim; j++) {
                        row.add(raw[i * dim + j]);
                    }
                }
                sendJson(exchange, answer);
            }
        }
    }

    private static String contentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The first of JSON, .npy or PNG that the Accept header takes (JSON when it names none or any). */
    private static String accept(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Accept");
        if (headers == null) {
            return "application/json";
        }
        for (String header : headers) {
            for (String part : header.split(",")) {
                String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                switch (type) {
                    case "application/json", "*/*", "application/*" -> {
                        return "application/json";
                    }
                    case "image/png", "image/*" -> {
                        return "image/png";
                    }
                    case NPY, "application/octet-stream" -> {
                        return NPY;
                    }
                    default -> { }
                }
            }
        }
        throw new HttpError(406, "Accept " + String.join(", ", headers) + " names no type served; ask for application/json, "
                + NPY + " or image/png");
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new HttpError(400, "Content-Length " + length + " is not a number");
            }
            if (declared > options.maxRequestBytes()) {
                throw new HttpError(413, "the body is " + declared + " bytes; at most " + options.maxRequestBytes()
                        + " are read (split the rows over several requests)");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(options.maxRequestBytes() + 1);
            if (body.length > options.maxRequestBytes()) {
                throw new HttpError(413, "the body is over " + options.maxRequestBytes()
                        + " bytes, the most read; split the rows over several requests");
            }
            return body;
        }
    }

    /** Reads what is left of the body, so that the connection can serve the next request. */
    private void drainBody(HttpExchange exchange) {
        // read(), not skip(): the JDK's fixed-length body stream passes skip() to the socket unbounded.
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            long left = options.maxRequestBytes();
            for (int got; left > 0 && (got = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
                left -= got;
            }
        } catch (IOException ignored) {
            // Nothing more to read.
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> map = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(key, value);
        }
        return map;
    }

    private static long parseLong(String name, String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new HttpError(400, name + "=" + value + " is not a whole number");
        }
        if (v < min || v > max) {
            throw new HttpError(400, name + "=" + v + " is out of range; give " + min + " to " + max);
        }
        return v;
    }

    private static double parseDouble(String name, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpError(400, name + "=" + value + " is not a finite number");
    }

    private static void sendJson(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** What {@code GET /v1/model} answers: the model, its data and a summary of its training. */
    static ObjectNode describe(EnergyScorer scorer) throws IOException {
        EnergyGan model = scorer.gan();
        ObjectNode info = JSON.createObjectNode();
        info.put("model", scorer.model());
        info.put("run", scorer.run().toAbsolutePath().toString());
        ObjectNode data = info.putObject("data");
        data.put("dataset", model.config().data().dataset());
        data.put("dim", scorer.dimension());
        int[] chw = SampleInputs.Reader.of(model).chw();
        if (chw != null) {
            data.putArray("shape").add(chw[0]).add(chw[1]).add(chw[2]);
        }
        data.put("units", scorer.images() ? "pixels in [0, 1]" : "the data's own coordinates");
        info.put("noise_dim", model.config().networks().noiseDim());
        ObjectNode training = info.putObject("training");
        RunFolder run = new RunFolder(scorer.run());
        if (Files.exists(run.metrics())) {
            List<JsonNode> rows = MetricsLog.read(run.metrics());
            if (!rows.isEmpty()) {
                training.set("last", rows.get(rows.size() - 1));
            }
        }
        training.set("config", JSON.readTree(Files.readAllBytes(run.config())));
        info.put("energy", "low means data-like; POST rows to /v1/energy");
        return info;
    }

    /** A short description of the limits, for the command's banner. */
    public String limits() {
        return String.format(Locale.ROOT, "bodies up to %d MiB, %d rows a request, %d rows an engine batch, %d samples a request",
                options.maxRequestBytes() >> 20, options.maxRowsPerRequest(), options.maxBatchRows(), options.maxSamples());
    }
}
