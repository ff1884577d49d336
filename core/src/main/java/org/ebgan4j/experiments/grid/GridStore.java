package org.ebgan4j.experiments.grid;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.train.RunFolder;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a grid's results live, so that nothing is lost and nothing is done twice: {@code spec.json}
 * (the grid), {@code results.jsonl} (append-only, one {@link TrialResult} a line) and one folder per
 * trial under {@code trials/<id>/} with its run folder, its {@code result.json} and, while it runs,
 * its {@code claim}.
 *
 * <ul>
 *   <li>A trial is finished once a scored result is recorded, or once it failed more often than the
 *       grid's retries allow; every other trial is pending, an interrupted one included (it resumes
 *       from its last checkpoint).
 *   <li>A runner works on a trial only after creating its claim, which the file system makes atomic:
 *       two runners never train the same trial at once. A claim whose process is gone (same host: no
 *       process of that id started then) or that has not been renewed for {@link #LEASE} is stale,
 *       and is taken over under a lock on the trial, so that of two runners only one succeeds.
 *   <li>Recording happens under a lock on {@code results.jsonl} and refuses a trial already scored, so
 *       no trial is recorded twice. Its {@code result.json} is written first and atomically, and a
 *       result missing from the log (a runner killed between the two writes) is recovered on reading;
 *       a line torn by a kill is ignored.
 * </ul>
 */
public final class GridStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GridStore.class);

    /** How long a claim from another host stays valid without being renewed. */
    public static final Duration LEASE = Duration.ofMinutes(10);

    /** Who holds a claim: the host, the process and when that process started (a reused pid is another process). */
    public record Claim(String host, long pid, String started, String processStart) {

        static Claim mine() {
            ProcessHandle self = ProcessHandle.current();
            return new Claim(GridStore.host(), self.pid(), Instant.now().toString(),
                    self.info().startInstant().map(Instant::toString).orElse(""));
        }

        boolean sameProcess(Claim other) {
            return other != null && host.equals(other.host) && pid == other.pid
                    && java.util.Objects.equals(processStart, other.processStart);
        }
    }

    private final Path root;
    private final GridSpec spec;
    private final Set<Integer> warned = new java.util.HashSet<>();

    private GridStore(Path root, GridSpec spec) {
        this.root = root;
        this.spec = spec;
    }

    /**
     * The store in {@code root} for {@code spec}: created if new; an existing one must hold the same
     * grid (the same name and trials), so that results of different grids never mix.
     */
    public static GridStore open(Path root, GridSpec spec) throws IOException {
        Path specFile = root.resolve("spec.json");
        if (Files.isRegularFile(specFile)) {
            GridSpec existing = GridSpec.read(specFile);
            List<String> ids = existing.expand().stream().map(Trial::id).toList();
            if (!existing.name().equals(spec.name()) || !ids.equals(spec.expand().stream().map(Trial::id).toList())) {
                throw new IllegalArgumentException(root + " holds the results of another grid ('" + existing.name()
                        + "', " + ids.size() + " trials); give another `store`, or the same grid");
            }
            // The ids cover the base options and the axes; what else makes a different grid:
            if (existing.seed() != spec.seed() || !existing.scoring().equals(spec.scoring())
                    || !existing.retries().equals(spec.retries())) {
                throw new IllegalArgumentException(root + " holds grid '" + existing.name() + "' with other settings (seed, scoring or "
                        + "retries); give another `store`, or the same grid");
            }
            if (!existing.equals(spec)) {
                // The same trials with their data somewhere else: the workers read the grid from here.
                AtomicFiles.writeString(specFile, spec.toJson() + "\n");
            }
        } else {
            if (Files.exists(root) && Files.list(root).findAny().isPresent()) {
                throw new IllegalArgumentException(root + " is not empty and holds no grid (no spec.json); give an empty or new `store`");
            }
            Files.createDirectories(root);
            AtomicFiles.writeString(specFile, spec.toJson() + "\n");
        }
        return new GridStore(root, spec);
    }

    /** The store in {@code root}, with the grid it holds. */
    public static GridStore existing(Path root) throws IOException {
        Path specFile = root.resolve("spec.json");
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException(root + " holds no grid (no spec.json); run one there first");
        }
        return new GridStore(root, GridSpec.read(specFile));
    }

    public Path root() {
        return root;
    }

    public GridSpec spec() {
        return spec;
    }

    public Path trialDir(String id) {
        return root.resolve("trials").resolve(id);
    }

    public RunFolder runFolder(String id) {
        return new RunFolder(trialDir(id).resolve("run"));
    }

    public Path resultFile(String id) {
        return trialDir(id).resolve("result.json");
    }

    /** The digit classifier that scores every trial of this grid. */
    public Path classifierDir() {
        return root.resolve("classifier");
    }

    public Path resultsLog() {
        return root.resolve("results.jsonl");
    }

    /** Every recorded result in the order recorded; results written but not logged are logged first. */
    public List<TrialResult> results() throws IOException {
        List<TrialResult> logged = readLog();
        Set<String> seen = logged.stream().map(r -> r.id() + "#" + r.attempt()).collect(Collectors.toSet());
        Set<String> scored = logged.stream().filter(TrialResult::scored).map(TrialResult::id).collect(Collectors.toSet());
        Path trials = root.resolve("trials");
        if (Files.isDirectory(trials)) {
            try (Stream<Path> dirs = Files.list(trials)) {
                for (Path dir : dirs.sorted().toList()) {
                    Path file = dir.resolve("result.json");
                    // Only a trial the log does not show scored can have a result missing from it.
                    if (!scored.contains(dir.getFileName().toString()) && Files.isRegularFile(file)) {
                        TrialResult r = Json.mapper().readValue(file.toFile(), TrialResult.class);
                        if (!seen.contains(r.id() + "#" + r.attempt())) {
                            appendLocked(r, false);
                            logged = readLog();
                            seen.add(r.id() + "#" + r.attempt());
                        }
                    }
                }
            }
        }
        return logged;
    }

    private List<TrialResult> readLog() throws IOException {
        List<TrialResult> results = new ArrayList<>();
        if (!Files.isRegularFile(resultsLog())) {
            return results;
        }
        // Decoded leniently: a line torn inside a multi-byte character must not make the log unreadable.
        String text = new String(Files.readAllBytes(resultsLog()), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                results.add(Json.mapper().readValue(line, TrialResult.class));
            } catch (IOException e) {
                // A line cut by a kill mid-write: its trial's result.json is recovered, or the trial redone.
                if (warned.add(line.hashCode())) {
                    LOG.warn("{}: skipping an unreadable line ({} characters): {}", resultsLog(), line.length(),
                            e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        return results;
    }

    /** The latest result of each trial, by id. */
    public Map<String, TrialResult> latest() throws IOException {
        Map<String, TrialResult> latest = new LinkedHashMap<>();
        for (TrialResult r : results()) {
            TrialResult before = latest.get(r.id());
            if (before == null || !before.scored()) {
                latest.put(r.id(), r);
            }
        }
        return latest;
    }

    /** The trials still to run: not scored, and not failed more often than the retries allow. */
    public List<Trial> pending(List<Trial> trials) throws IOException {
        Map<String, TrialResult> latest = latest();
        List<Trial> pending = new ArrayList<>();
        for (Trial t : trials) {
            TrialResult r = latest.get(t.id());
            if (r == null || (!r.scored() && r.attempt() <= spec.retries())) {
                pending.add(t);
            }
        }
        return pending;
    }

    /** The attempt number a new try of {@code id} gets. */
    public int nextAttempt(String id) throws IOException {
        return (int) results().stream().filter(r -> r.id().equals(id)).count() + 1;
    }

    /**
     * Claims a trial for this process, or returns nothing when a live runner holds it. A stale claim
     * is moved aside (atomically, so that of two runners taking it over only one succeeds) and replaced.
     */
    public Optional<Claim> claim(String id) throws IOException {
        Path claim = trialDir(id).resolve("claim");
        Files.createDirectories(claim.getParent());
        Claim mine = Claim.mine();
        try {
            Files.write(claim, Json.mapper().writeValueAsBytes(mine), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return Optional.of(mine);
        } catch (FileAlreadyExistsException e) {
            // Taken: take it over only if stale, deciding and replacing under the trial's lock.
            try (FileChannel channel = FileChannel.open(trialDir(id).resolve("claim.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (Files.exists(claim) && !stale(claim)) {
                    return Optional.empty();
                }
                Files.move(claim, claim.resolveSibling("claim.stale-" + System.nanoTime()), StandardCopyOption.ATOMIC_MOVE);
                Files.write(claim, Json.mapper().writeValueAsBytes(mine), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return Optional.of(mine);
            } catch (NoSuchFileException | FileAlreadyExistsException race) {
                return Optional.empty();
            }
        }
    }

    /** Renews this process's claim (a heartbeat against the lease); false when the claim is no longer ours. */
    public boolean renew(String id) throws IOException {
        Path claim = trialDir(id).resolve("claim");
        if (!Claim.mine().sameProcess(read(claim))) {
            return false;
        }
        Files.setLastModifiedTime(claim, FileTime.from(Instant.now()));
        return true;
    }

    /** Gives this process's claim up (a claim another runner has taken over stays). */
    public void release(String id) throws IOException {
        Path claim = trialDir(id).resolve("claim");
        if (Claim.mine().sameProcess(read(claim))) {
            Files.deleteIfExists(claim);
        }
    }

    private static Claim read(Path claim) {
        try {
            return Json.mapper().readValue(claim.toFile(), Claim.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean stale(Path claim) throws IOException {
        Instant touched = Files.getLastModifiedTime(claim).toInstant();
        if (touched.isBefore(Instant.now().minus(LEASE))) {
            return true;
        }
        Claim c = read(claim);
        if (c == null) {
            // Half-written by a runner killed while claiming: stale once it is older than a few seconds.
            return touched.isBefore(Instant.now().minusSeconds(30));
        }
        if (!c.host().equals(host())) {
            return false;
        }
        return ProcessHandle.of(c.pid()).map(p -> !p.isAlive() || c.processStart() != null && !c.processStart().isEmpty()
                && !p.info().startInstant().map(Instant::toString).orElse("").equals(c.processStart())).orElse(true);
    }

    /**
     * Records a result: its {@code result.json}, then a line in {@code results.jsonl}, under a lock.
     *
     * @return false, recording nothing, when the trial already has a scored result
     */
    public boolean record(TrialResult result) throws IOException {
        Files.createDirectories(trialDir(result.id()));
        return appendLocked(result, true);
    }

    private boolean appendLocked(TrialResult result, boolean writeFile) throws IOException {
        Files.createDirectories(root);
        try (FileChannel channel = FileChannel.open(root.resolve("results.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            for (TrialResult r : readLog()) {
                if (r.id().equals(result.id()) && (r.scored() || r.attempt() == result.attempt())) {
                    return false;
                }
            }
            if (writeFile) {
                AtomicFiles.writeString(resultFile(result.id()), Json.mapper().writeValueAsString(result) + "\n");
            }
            // A line torn by a kill has no newline: start on a fresh line, so that this one stays whole.
            String start = "";
            if (Files.isRegularFile(resultsLog()) && Files.size(resultsLog()) > 0) {
                try (FileChannel read = FileChannel.open(resultsLog(), StandardOpenOption.READ)) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    read.read(last, read.size() - 1);
                    start = last.get(0) == '\n' ? "" : "\n";
                }
            }
            try (FileChannel log = FileChannel.open(resultsLog(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                byte[] line = (start + Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8);
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    log.write(buffer);
                }
                log.force(true);
            }
            return true;
        }
    }

    /** Counts of the latest results by status, and of the trials still pending. */
    public Map<String, Integer> counts(List<Trial> trials) throws IOException {
        Map<String, TrialResult> latest = latest();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("trials", trials.size());
        for (TrialResult.Status s : TrialResult.Status.values()) {
            counts.put(s.name().toLowerCase(), 0);
        }
        for (Trial t : trials) {
            TrialResult r = latest.get(t.id());
            if (r != null) {
                counts.merge(r.status().name().toLowerCase(), 1, Integer::sum);
            }
        }
        counts.put("pending", pending(trials).size());
        return counts;
    }

    /** This machine's name, as claims record it. */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Removes a trial's run folder that holds no checkpoint (a run killed before its first one), so it can start again. */
    public void clearUnstartedRun(String id) throws IOException {
        RunFolder run = runFolder(id);
        if (!run.hasCheckpoint() && Files.exists(run.root())) {
            try (Stream<Path> paths = Files.walk(run.root())) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The last line of a run's metrics, or {@code null}. */
    static JsonNode lastMetrics(RunFolder run) throws IOException {
        if (!Files.isRegularFile(run.metrics())) {
            return null;
        }
        List<JsonNode> rows = org.ebgan4j.train.MetricsLog.read(run.metrics());
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }
}
