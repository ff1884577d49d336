package org.ebgan4j.cli;

import org.ebgan4j.serve.EnergyScorer;
import org.ebgan4j.serve.EnergyService;
import org.ebgan4j.serve.LoadTest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ebgan serve-bench}: the service's throughput and latency under concurrent clients, on 127.0.0.1. */
@Command(name = "serve-bench", mixinStandardHelpOptions = true,
        description = "Start 'ebgan serve' on a free port of 127.0.0.1 and load POST /v1/energy with 1, 8 and 32 clients "
                + "(a share of the requests malformed): requests a second, p50 and p99 latency, memory after each level.")
final class ServeBenchCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'")
    Path run;

    @Option(names = "--clients", split = ",", defaultValue = "1,8,32,32,32",
            description = "concurrent clients per level; the largest is repeated to show memory staying flat (default: ${DEFAULT-VALUE})")
    int[] clients;

    @Option(names = "--seconds", defaultValue = "10", description = "longest time per level (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--max-requests", defaultValue = "20000", description = "most requests per level (default: ${DEFAULT-VALUE})")
    int maxRequests;

    @Option(names = "--rows", defaultValue = "16", description = "rows in a good request (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--malformed", defaultValue = "0.1", description = "fraction of malformed requests (default: ${DEFAULT-VALUE})")
    double malformed;

    @Option(names = "--max-batch", defaultValue = "1024", description = "the service's engine batch, in rows (default: ${DEFAULT-VALUE})")
    int maxBatch;

    @Option(names = "--seed", defaultValue = "1") long seed;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new IllegalArgumentException("--seconds " + seconds + " is out of range; give more than 0 and at most 3600");
        }
        LoadTest.Settings settings = new LoadTest.Settings(clients, Duration.ofMillis((long) (seconds * 1000)), maxRequests, rows,
                malformed, seed);
        EnergyService.Options defaults = EnergyService.Options.defaults();
        EnergyService.Options options = new EnergyService.Options("127.0.0.1", 0, Math.max(defaults.threads(), maxOf(clients)),
                defaults.maxRequestBytes(), Math.max(defaults.maxRowsPerRequest(), rows), maxBatch, defaults.maxSamples(), null,
                defaults.drain());
        EnergyScorer scorer = EnergyScorer.load(run);
        int dim = scorer.dimension();
        boolean images = scorer.images();
        try (EnergyService service = EnergyService.start(scorer, options)) {
            System.out.printf(Locale.ROOT, "serving %s on %s; %d rows of %d values a good request, %.0f%% malformed, "
                    + "each level at most %.0f s and %d requests%n", run, service.uri(), rows, dim, 100 * malformed, seconds, maxRequests);
            List<LoadTest.Level> levels = LoadTest.run(service.uri(), dim, images, settings);
            System.out.print(LoadTest.table(levels));
            long[] engine = service.engineCounts();
            long[] counts = service.counts();
            System.out.printf(Locale.ROOT, "service: %d answered, %d refused; %d rows in %d engine calls (%.1f rows a call)%n",
                    counts[0], counts[1], engine[1], engine[0], engine[0] == 0 ? 0.0 : (double) engine[1] / engine[0]);
            long surprises = levels.stream().mapToLong(LoadTest.Level::unexpected).sum();
            for (LoadTest.Level l : levels) {
                if (l.firstUnexpected() != null) {
                    System.out.println("unexpected at " + l.clients() + " clients: " + Failures.oneLine(l.firstUnexpected()));
                }
            }
            return surprises == 0 ? 0 : 1;
        }
    }

    private static int maxOf(int[] values) {
        int m = 1;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
