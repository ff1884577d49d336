package org.ebgan4j.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, as Linux reports it in {@code /proc/self/status}. */
public final class ProcessMemory {

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
