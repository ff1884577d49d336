package org.ebgan4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages read top-down: each main source file refers only to the packages below its own.
 * The CLI sits on top; the library never reaches up to it.
 */
class LayeringTest {

    /** What each package may use, besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("io", Set.of()),
            Map.entry("nn", Set.of()),
            Map.entry("energy", Set.of()),
            Map.entry("objective", Set.of("energy")),
            Map.entry("optim", Set.of()),
            Map.entry("data", Set.of("io")),
            Map.entry("plot", Set.of("io")),
            Map.entry("game", Set.of("nn", "energy", "objective")),
            Map.entry("train", Set.of("game", "nn", "energy", "objective", "optim", "data", "plot", "io")),
            Map.entry("eval", Set.of("train", "game", "nn", "energy", "optim", "data", "plot", "io")),
            Map.entry("bench", Set.of("train", "game", "nn", "energy", "optim", "data", "io")),
            Map.entry("experiments", Set.of("bench", "eval", "train", "game", "nn", "energy", "objective", "optim", "data", "plot",
                    "io")),
            Map.entry("serve", Set.of("train", "eval", "data", "plot", "io")),
            Map.entry("report", Set.of("experiments", "eval", "train", "plot", "io")),
            Map.entry("semi", Set.of("nn", "data", "objective", "optim", "plot", "io")),
            Map.entry("cli", Set.of("semi", "report", "serve", "experiments", "bench", "eval", "train", "game", "nn", "energy", "objective", "optim",
                    "data", "plot", "io")));

    private static final Pattern REFERENCE = Pattern.compile("org\\.ebgan4j\\.([a-z]+)\\.");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        Path root = Path.of("src/main/java/org/ebgan4j");
        List<String> violations = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file).getName(0).toString();
                packages.add(pkg);
                Set<String> allowed = ALLOWED.get(pkg);
                assertThat(allowed).as("package %s has a place in the layering", pkg).isNotNull();
                String code = Files.readString(file).replaceAll("(?m)^package .*$", "");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) {
                        violations.add(root.relativize(file) + " uses " + used);
                    }
                }
            }
        }
        assertThat(packages).containsAll(ALLOWED.keySet());
        assertThat(violations).isEmpty();
    }
}
