package org.ebgan4j.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The two-function library that lets the MKL inside libtorch run its AVX2 kernels on AMD processors
 * (the C source is the resource {@value #SOURCE}; it says why). It works only preloaded
 * ({@code LD_PRELOAD}) into a process before libtorch loads: the {@code ebgan} launcher builds and
 * preloads it, and worker processes inherit it. A Java application that embeds ebgan4j builds it with
 * {@link #build} and starts its JVM with the library in {@code LD_PRELOAD}.
 */
public final class MklIntelCpuShim {

    /** The C source, as a class-path resource. */
    public static final String SOURCE = "/native/mkl_intel_cpu.c";

    /** The file name of the built library, which {@link #loaded()} looks for among the process's mappings. */
    public static final String LIBRARY = "libebgan4j-mkl-intel-cpu.so";

    private MklIntelCpuShim() {}

    /** Whether this process has the library mapped (preloaded), so that MKL takes its AVX2 kernels on AMD. */
    public static boolean loaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1).contains(LIBRARY);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the shim changes anything on this machine: an x86 processor with AVX2 that is not Intel's. */
    public static boolean appliesHere() {
        try {
            String cpu = Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1);
            return !cpu.contains("GenuineIntel") && cpu.contains(" avx2");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Compiles the library into {@code dir} with the system's C compiler ({@code cc}); empty when there
     * is none or it fails, for then MKL simply keeps its generic kernels.
     */
    public static Optional<Path> build(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path source = dir.resolve("mkl_intel_cpu.c");
        try (InputStream in = MklIntelCpuShim.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException("the resource " + SOURCE + " is missing from the class path");
            }
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Path library = dir.resolve(LIBRARY);
        Path tmp = dir.resolve(LIBRARY + ".tmp");
        Process cc;
        try {
            cc = new ProcessBuilder(List.of("cc", "-shared", "-fPIC", "-O2", "-o", tmp.toString(), source.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty(); // no compiler
        }
        if (!cc.waitFor(60, TimeUnit.SECONDS)) {
            cc.destroyForcibly();
            return Optional.empty();
        }
        if (cc.exitValue() != 0 || !Files.isRegularFile(tmp)) {
            return Optional.empty();
        }
        Files.move(tmp, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(library);
    }
}
