package org.ebgan4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs catalogue entries in-process against a sandbox folder and tallies how each ended: the
 * expected exit code with one line naming the problem, a stack trace, a silent accept (exit 0 and
 * nothing said), a file of the sandbox changed, created or removed.
 */
final class Catalogue {

    /** How one entry ended. */
    record Outcome(BadInput input, CliRun run, List<String> changed) {

        List<String> errLines() {
            return run.err().lines().filter(l -> !l.isBlank()).toList();
        }

        boolean stackTrace() {
            String all = run.out() + run.err();
            return all.contains("\tat ") || all.contains("Exception in thread") || all.matches("(?s).*\\b\\w+(\\.\\w+)+(Exception|Error)\\b.*");
        }

        boolean silentAccept() {
            return run.code() == 0 && errLines().isEmpty();
        }

        /** The problems of this outcome; empty when it is what the catalogue asks. */
        List<String> problems() {
            List<String> p = new ArrayList<>();
            if (run.code() != input.code()) {
                p.add("exit " + run.code() + ", expected " + input.code());
            }
            List<String> lines = errLines();
            if (lines.size() != 1) {
                p.add(lines.size() + " lines on stderr, expected 1");
            }
            if (lines.isEmpty() || !lines.get(0).startsWith("ebgan: ")) {
                p.add("the message does not start with 'ebgan: '");
            }
            if (!run.err().toLowerCase().contains(input.mentions().toLowerCase())) {
                p.add("the message does not mention '" + input.mentions() + "'");
            }
            if (stackTrace()) {
                p.add("a stack trace or exception name was printed");
            }
            if (!changed.isEmpty()) {
                p.add("files changed: " + changed);
            }
            return p;
        }
    }

    /** Totals over every entry run. */
    static final class Totals {
        final AtomicInteger cases = new AtomicInteger();
        final AtomicInteger exit2OneLine = new AtomicInteger();
        final AtomicInteger exit1OneLine = new AtomicInteger();
        final AtomicInteger stackTraces = new AtomicInteger();
        final AtomicInteger silentAccepts = new AtomicInteger();
        final AtomicInteger filesChanged = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Map<String, Integer> perGroup = new TreeMap<>();

        synchronized void add(Outcome o) {
            cases.incrementAndGet();
            perGroup.merge(o.input().group(), 1, Integer::sum);
            boolean oneLine = o.errLines().size() == 1 && o.errLines().get(0).startsWith("ebgan: ");
            if (o.run().code() == 2 && oneLine) {
                exit2OneLine.incrementAndGet();
            }
            if (o.run().code() == 1 && oneLine) {
                exit1OneLine.incrementAndGet();
            }
            if (o.stackTrace()) {
                stackTraces.incrementAndGet();
            }
            if (o.silentAccept()) {
                silentAccepts.incrementAndGet();
            }
            if (!o.changed().isEmpty()) {
                filesChanged.incrementAndGet();
            }
            if (!o.problems().isEmpty()) {
                failed.incrementAndGet();
            }
        }

        @Override
        public synchronized String toString() {
            return String.format("bad-input catalogue: %d cases %s; exit 2 with one line: %d; exit 1 with one line: %d; "
                    + "stack traces: %d; silent accepts: %d; files changed: %d; not as expected: %d", cases.get(), perGroup,
                    exit2OneLine.get(), exit1OneLine.get(), stackTraces.get(), silentAccepts.get(), filesChanged.get(), failed.get());
        }
    }

    private Catalogue() {}

    /** Runs one entry with the sandbox's files hashed before and after. */
    static Outcome run(Path sandbox, BadInput input) {
        Map<String, String> before = hashes(sandbox);
        CliRun run = CliRun.of(input.args().toArray(String[]::new));
        Map<String, String> after = hashes(sandbox);
        List<String> changed = new ArrayList<>();
        before.forEach((file, hash) -> {
            if (!hash.equals(after.get(file))) {
                changed.add(after.containsKey(file) ? file : file + " (removed)");
            }
        });
        after.keySet().stream().filter(f -> !before.containsKey(f)).forEach(f -> changed.add(f + " (created)"));
        return new Outcome(input, run, changed);
    }

    /** Every file under {@code root} (folders too, as an empty hash) by relative path. */
    static Map<String, String> hashes(Path root) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.toList()) {
                String key = root.relativize(p).toString();
                hashes.put(key, Files.isDirectory(p) ? "dir" : sha256(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
