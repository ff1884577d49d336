package org.ebgan4j.experiments;

import org.ebgan4j.io.ProcessMemory;
import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.nn.MklIntelCpuShim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment of the child JVMs that run trials and tasks: what the {@code ebgan} launcher gives
 * its own JVM, whoever starts them (the launcher's JVM, a Spark executor, a test, a Java
 * application), so that a trial computes the same bits under every runner. DJL's usage tracking off;
 * jemalloc preloaded where Debian's {@code libjemalloc2} is installed; on a non-Intel processor with
 * AVX2, the {@link MklIntelCpuShim} (built once per JVM with {@code cc}); the launcher's switches
 * {@code EBGAN_NO_JEMALLOC} and {@code EBGAN_NO_MKL_SHIM} turn either off.
 */
public final class ChildEnvironment {

    /** Debian's jemalloc, as the launcher preloads it. */
    public static final Path JEMALLOC = Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");

    private static Optional<Path> shim;

    private ChildEnvironment() {}

    /** Adds to {@code env} (a {@code ProcessBuilder}'s, inherited from this JVM) what a child needs. */
    public static void apply(Map<String, String> env) {
        env.put("OPT_OUT_TRACKING", "true");
        // The parent's --device: a trial computes where the command that started it was told to.
        env.put(ComputeDevice.ENVIRONMENT, ComputeDevice.choice());
        List<String> preload = new ArrayList<>();
        String inherited = env.get("LD_PRELOAD");
        if (inherited != null && !inherited.isBlank()) {
            preload.addAll(Arrays.asList(inherited.split("[: ]+")));
        }
        if (env.get("EBGAN_NO_JEMALLOC") == null && Files.isRegularFile(JEMALLOC)
                && preload.stream().noneMatch(p -> p.contains("jemalloc"))) {
            preload.add(0, JEMALLOC.toString());
            env.putIfAbsent("MALLOC_CONF", ProcessMemory.JEMALLOC_CONF);
        }
        if (env.get("EBGAN_NO_MKL_SHIM") == null && preload.stream().noneMatch(p -> p.endsWith(MklIntelCpuShim.LIBRARY))) {
            shim().ifPresent(p -> preload.add(0, p.toString()));
        }
        if (!preload.isEmpty()) {
            env.put("LD_PRELOAD", String.join(":", preload));
        }
    }

    /** The shim, built on first use into a folder of this JVM's own; empty where it does not apply or cannot be built. */
    private static synchronized Optional<Path> shim() {
        if (shim == null) {
            shim = Optional.empty();
            if (MklIntelCpuShim.appliesHere()) {
                try {
                    Path dir = Files.createTempDirectory("ebgan4j-native-");
                    dir.toFile().deleteOnExit();
                    shim = MklIntelCpuShim.build(dir);
                    shim.ifPresent(p -> {
                        p.toFile().deleteOnExit();
                        dir.resolve("mkl_intel_cpu.c").toFile().deleteOnExit();
                    });
                } catch (IOException e) {
                    shim = Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    shim = Optional.empty();
                }
            }
        }
        return shim;
    }
}
