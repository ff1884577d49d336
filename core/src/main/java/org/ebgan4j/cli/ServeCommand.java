package org.ebgan4j.cli;

import org.ebgan4j.serve.EnergyScorer;
import org.ebgan4j.serve.EnergyService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ebgan serve}: a trained run's energy and samples over HTTP, until SIGTERM or Ctrl-C drains it. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a trained run over HTTP: POST /v1/energy (JSON rows or .npy), POST /v1/sample?n=N&seed=S "
                + "(JSON, .npy or PNG by Accept), GET /v1/model, GET /health. SIGTERM finishes the requests in flight, then stops.")
final class ServeCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'")
    Path run;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all)")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--threads", defaultValue = "16", description = "request threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--max-request-mb", defaultValue = "64", description = "largest request body in MiB (default: ${DEFAULT-VALUE})")
    int maxRequestMb;

    @Option(names = "--max-rows", defaultValue = "10000", description = "most rows one request may score (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--max-batch", defaultValue = "1024",
            description = "most rows of concurrent requests scored in one engine call (default: ${DEFAULT-VALUE})")
    int maxBatch;

    @Option(names = "--max-samples", defaultValue = "4096", description = "most samples one request may draw (default: ${DEFAULT-VALUE})")
    int maxSamples;

    @Option(names = "--threshold", description = "default anomaly threshold: answers flag rows whose energy is above it "
            + "(a request's ?threshold=T overrides it)")
    Double threshold;

    @Option(names = "--drain-seconds", defaultValue = "30", description = "longest wait for requests in flight at shutdown (default: ${DEFAULT-VALUE})")
    int drainSeconds;

    @Override
    public Integer call() throws Exception {
        if (maxRequestMb < 1 || maxRequestMb > 2047) {
            throw new IllegalArgumentException("--max-request-mb " + maxRequestMb + " is out of range; give 1 to 2047");
        }
        if (drainSeconds < 0) {
            throw new IllegalArgumentException("--drain-seconds " + drainSeconds + " is negative; give 0 or more");
        }
        EnergyService.Options options = new EnergyService.Options(host, port, threads, maxRequestMb << 20, maxRows, maxBatch,
                maxSamples, threshold, Duration.ofSeconds(drainSeconds));
        EnergyScorer scorer = EnergyScorer.load(run);
        EnergyService service;
        try {
            service = EnergyService.start(scorer, options);
        } catch (java.net.BindException e) {
            scorer.close();
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or 0 for any free one");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        System.out.printf("ebgan serve: %s (%s, %d values a row) on %s; %s%n", scorer.model(), run, scorer.dimension(),
                service.uri(), service.limits());
        System.out.flush();
        stop.await();
        System.out.println("ebgan serve: stopping; finishing the requests in flight");
        int inFlight = service.drainAndClose();
        long[] counts = service.counts();
        long[] engine = service.engineCounts();
        System.out.printf("ebgan serve: stopped after %d answered and %d refused requests (%d in flight at the signal); "
                + "%d rows scored in %d engine calls%n", counts[0], counts[1], inFlight, engine[1], engine[0]);
        return 0;
    }
}
