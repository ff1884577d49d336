package org.ebgan4j.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where this process computes: the CPU or a CUDA GPU, chosen once per process (one engine, one
 * gradient collector per JVM) and used by every network, batch and optimiser state the library
 * creates. {@code AUTO} (the default) takes the first GPU the engine sees, else the CPU. The
 * choice comes from {@link #choose}, else the system property {@code ebgan4j.device}, else the
 * environment variable {@code EBGAN_DEVICE} (which child processes inherit), each one of
 * {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}.
 */
public final class ComputeDevice {

    /** The property and the environment variable that choose a device for a process. */
    public static final String PROPERTY = "ebgan4j.device";
    public static final String ENVIRONMENT = "EBGAN_DEVICE";

    private static String choice;
    private static Device resolved;

    private ComputeDevice() {}

    /**
     * Sets the device of every later computation in this process: {@code cpu}, {@code gpu} (the
     * first), {@code gpu:N} or {@code auto}. Checked now for its form, and for the GPU's presence
     * when the device is first used.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static synchronized void choose(String value) {
        choice = normalise(value);
        resolved = null;
    }

    /** Forgets the choice {@link #choose} made: the next use reads the property and the environment again. */
    public static synchronized void reset() {
        choice = null;
        resolved = null;
    }

    /** The choice in force ({@code auto} when none was made). */
    public static synchronized String choice() {
        if (choice == null) {
            String given = System.getProperty(PROPERTY);
            if (given == null || given.isBlank()) {
                given = System.getenv(ENVIRONMENT);
            }
            choice = given == null || given.isBlank() ? "auto" : normalise(given);
        }
        return choice;
    }

    /**
     * The device the choice names on this machine.
     *
     * @throws IllegalArgumentException when a GPU was asked for and the engine sees none (or fewer)
     */
    public static synchronized Device current() {
        if (resolved == null) {
            resolved = resolve(choice(), Engine.getInstance().getGpuCount());
        }
        return resolved;
    }

    /** {@code choice} on a machine whose engine sees {@code gpus} GPUs. */
    static Device resolve(String choice, int gpus) {
        String c = normalise(choice);
        if (c.equals("cpu")) {
            return Device.cpu();
        }
        if (c.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        int index = c.equals("gpu") ? 0 : Integer.parseInt(c.substring(4));
        if (gpus == 0) {
            throw new IllegalArgumentException("`device` " + c + ": the engine sees no GPU here (a CPU build of libtorch, "
                    + "or no CUDA driver); build with -Pcuda on a CUDA machine, or use `device` cpu or auto");
        }
        if (index >= gpus) {
            throw new IllegalArgumentException("`device` " + c + ": the engine sees " + gpus + " GPU" + (gpus == 1 ? "" : "s")
                    + " (gpu:0" + (gpus > 1 ? " to gpu:" + (gpus - 1) : "") + ")");
        }
        return Device.gpu(index);
    }

    private static String normalise(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace("gpu(", "gpu:").replace(")", "");
        if (v.equals("cpu") || v.equals("gpu") || v.equals("auto") || v.matches("gpu:\\d{1,3}")) {
            return v;
        }
        throw new IllegalArgumentException("`device` '" + value + "' is not one of cpu, gpu, gpu:N or auto");
    }

    /** The device as {@code config.json} records it and {@code --device} reads it: {@code cpu} or {@code gpu:N}. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    /**
     * The hardware behind {@code device}, in words: the processor's model and core count, or the GPU's
     * name (from {@code nvidia-smi} where it is installed), memory and CUDA compute capability.
     */
    public static String describe(Device device) {
        if (!device.isGpu()) {
            return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        }
        StringBuilder s = new StringBuilder(gpuName(device.getDeviceId()));
        try {
            s.append(", ").append(CudaUtils.getGpuMemory(device).getMax() >> 20).append(" MiB")
                    .append(", compute capability ").append(CudaUtils.getComputeCapability(device.getDeviceId()))
                    .append(", CUDA ").append(CudaUtils.getCudaVersionString());
        } catch (RuntimeException | LinkageError e) {
            // The runtime's details are a courtesy: the name stands alone where CUDA's library does not answer.
        }
        return s.toString();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the architecture is what Java knows.
        }
        return System.getProperty("os.arch") + " CPU";
    }

    private static String gpuName(int index) {
        try {
            Process p = new ProcessBuilder(List.of("nvidia-smi", "--query-gpu=name", "--format=csv,noheader", "-i", String.valueOf(index)))
                    .redirectErrorStream(true).start();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
            }
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && line != null && !line.isBlank()) {
                return line.trim();
            }
        } catch (IOException e) {
            // No nvidia-smi on the path.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "CUDA GPU " + index;
    }
}
