package org.ebgan4j.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, as Linux reports it in {@code /proc/self/status}. */
public final class ProcessMemory {

    /**
     * jemalloc's settings for every engine process (the launcher's, trials', the speed peer's). Freed
     * pages are kept, not returned to the system: with jemalloc's default decay a convolutional step
     * page-faults 29 times as often and runs 1.6 times as long. Kept pages alone are not enough: jemalloc
     * then reuses a free extent only for a request at least 1/64 of its size (lg_extent_max_active_fit
     * 6), free neighbours merge into ever larger extents it will not reuse, and EBGAN-LN's resident memory
     * grew by about 30 MiB a step; 1/1024 keeps it flat at the same speed (README, "Memory").
     */
    public static final String JEMALLOC_CONF = "dirty_decay_ms:-1,muzzy_decay_ms:-1,lg_extent_max_active_fit:10";

    private ProcessMemory() {}

    /** Resident set size in KiB, or -1 where there is no {@code /proc}. */
    public static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
            return -1;
        }
        return -1;
    }

    /** Resident set size in MiB, or NaN where there is no {@code /proc}. */
    public static double residentMiB() {
        long kb = residentKb();
        return kb < 0 ? Double.NaN : kb / 1024.0;
    }
}
