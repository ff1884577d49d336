package org.ebgan4j.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.data.Batches;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.StepPhases;
import org.ebgan4j.train.TrainConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training step's time goes: wall time by phase ({@link StepPhases}) over timed steps, then
 * libtorch's own profiler over a few more, from which the native operations a step calls are counted
 * (those not nested in another operation: what the Java side asks for) and ranked by time. Writes
 * {@code profile.txt}, {@code profile.json} and the profiler's Chrome trace ({@code trace.json}, for
 * chrome://tracing or Perfetto) into a folder. A measurement to print, not a test.
 */
public final class StepProfile {

    /** One native operation's share: calls and milliseconds per step (top-level calls only). */
    public record Op(String name, double callsPerStep, double msPerStep) {}

    /**
     * @param phasesMs mean milliseconds per step by phase, in step order
     * @param stepMs mean milliseconds of a whole step, without the profiler
     * @param topLevelOpsPerStep native operations per step that the Java side called (not nested in another)
     * @param allOpsPerStep every operation the profiler saw per step, nested ones included
     * @param ops top-level operations by time, most first
     */
    public record Report(Map<String, Double> phasesMs, double stepMs, double topLevelOpsPerStep, double allOpsPerStep, List<Op> ops) {}

    private StepProfile() {}

    public static Report run(TrainConfig config, int warmup, int steps, int profiledSteps, Path out, PrintStream log) throws IOException {
        Files.createDirectories(out);
        Batches batches = StepBenchmark.randomBatches(config);
        Path trace = out.resolve("trace.json");
        StepPhases clock = new StepPhases();
        double stepMs;
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(model)) {
            trainer.timePhases(clock);
            int s = 0;
            for (; s < warmup; s++) {
                step(model, trainer, batches, s);
            }
            clock.reset();
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++, s++) {
                step(model, trainer, batches, s);
            }
            stepMs = (System.nanoTime() - t0) / 1e6 / steps;
            trainer.timePhases(null);
            JniUtils.startProfile(false, false, false);
            try {
                for (int i = 0; i < profiledSteps; i++, s++) {
                    step(model, trainer, batches, s);
                }
            } finally {
                JniUtils.stopProfile(trace.toAbsolutePath().toString());
            }
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        clock.meanMs().forEach((p, ms) -> phases.put(p.label(), ms));
        Report report = summarise(Json.strict().readTree(trace.toFile()), profiledSteps, phases, stepMs);
        write(report, out);
        if (log != null) {
            log.print(text(report));
        }
        return report;
    }

    private static void step(EnergyGan model, AdversarialTrainer trainer, Batches batches, int s) {
        try (NDManager m = model.manager().newSubManager()) {
            NDArray real = batches.batch(m, 0, s % batches.batchesPerEpoch());
            trainer.step(real, s);
        }
    }

    /** A complete event of the trace: name, thread, start and duration in microseconds. */
    private record Event(String name, String thread, double start, double duration) {}

    /**
     * Counts and times the operations of a Chrome trace over {@code steps} steps. An operation is top
     * level when no other operation on its thread encloses it in time.
     */
    static Report summarise(JsonNode trace, int steps, Map<String, Double> phases, double stepMs) {
        JsonNode events = trace.isArray() ? trace : trace.path("traceEvents");
        Map<String, List<Event>> byThread = new HashMap<>();
        int all = 0;
        for (JsonNode e : events) {
            if (!"X".equals(e.path("ph").asText()) || !e.has("dur")) {
                continue;
            }
            all++;
            Event ev = new Event(e.path("name").asText(), e.path("pid").asText() + "/" + e.path("tid").asText(),
                    e.path("ts").asDouble(), e.path("dur").asDouble());
            byThread.computeIfAbsent(ev.thread(), k -> new ArrayList<>()).add(ev);
        }
        Map<String, double[]> ops = new HashMap<>(); // name -> {calls, microseconds}
        int top = 0;
        for (List<Event> list : byThread.values()) {
            list.sort(Comparator.comparingDouble(Event::start).thenComparing(Comparator.comparingDouble(Event::duration).reversed()));
            double openUntil = Double.NEGATIVE_INFINITY;
            for (Event e : list) {
                if (e.start() < openUntil) {
                    continue; // nested in the enclosing top-level operation
                }
                top++;
                openUntil = e.start() + e.duration();
                double[] a = ops.computeIfAbsent(e.name(), k -> new double[2]);
                a[0]++;
                a[1] += e.duration();
            }
        }
        List<Op> ranked = new ArrayList<>();
        ops.forEach((name, a) -> ranked.add(new Op(name, a[0] / steps, a[1] / 1000 / steps)));
        ranked.sort(Comparator.comparingDouble(Op::msPerStep).reversed());
        return new Report(phases, stepMs, (double) top / steps, (double) all / steps, ranked);
    }

    /** The report as a person reads it: phases with their shares, then the 20 costliest operations. */
    public static String text(Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("step: %.2f ms (phases timed without the profiler)%n", r.stepMs()));
        double sum = r.phasesMs().values().stream().mapToDouble(Double::doubleValue).sum();
        r.phasesMs().forEach((p, ms) -> b.append(String.format("  %-24s %8.3f ms  %5.1f%%%n", p, ms, 100 * ms / Math.max(sum, 1e-9))));
        b.append(String.format("native operations per step: %.0f called from Java (%.0f with the nested ones)%n",
                r.topLevelOpsPerStep(), r.allOpsPerStep()));
        b.append("costliest operations (top level, under the profiler):\n");
        for (Op op : r.ops().subList(0, Math.min(20, r.ops().size()))) {
            b.append(String.format("  %-40s %6.1f calls %8.3f ms%n", op.name(), op.callsPerStep(), op.msPerStep()));
        }
        return b.toString();
    }

    private static void write(Report r, Path out) throws IOException {
        ObjectNode root = Json.strict().createObjectNode();
        root.put("stepMs", r.stepMs());
        ObjectNode phases = root.putObject("phasesMs");
        r.phasesMs().forEach(phases::put);
        root.put("topLevelOpsPerStep", r.topLevelOpsPerStep());
        root.put("allOpsPerStep", r.allOpsPerStep());
        ArrayNode ops = root.putArray("ops");
        for (Op op : r.ops()) {
            ops.addObject().put("name", op.name()).put("callsPerStep", op.callsPerStep()).put("msPerStep", op.msPerStep());
        }
        AtomicFiles.writeString(out.resolve("profile.json"), Json.strict().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        AtomicFiles.writeString(out.resolve("profile.txt"), text(r));
    }
}
