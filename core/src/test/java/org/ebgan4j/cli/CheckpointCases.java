package org.ebgan4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checkpoints damaged after they were written (truncated, a byte changed, grown, replaced by
 * another file or by another run's checkpoint), read by sample, energy, eval and a resume.
 */
final class CheckpointCases implements BadInputCatalogueTest.Section {

    private static final String GROUP = "checkpoints";

    @Override
    public List<BadInput> cases(CatalogueFixtures f) throws IOException {
        List<BadInput> cases = new ArrayList<>();
        byte[] good = Files.readAllBytes(f.run2d.resolve("checkpoints/last.ckpt"));
        byte[] image = Files.readAllBytes(f.runImage.resolve("checkpoints/last.ckpt"));
        List<Object[]> damaged = new ArrayList<>();
        damaged.add(new Object[] {"empty", new byte[0], "empty"});
        damaged.add(new Object[] {"cut inside its magic", Arrays.copyOf(good, 10), "not an ebgan4j checkpoint"});
        damaged.add(new Object[] {"cut after its header", Arrays.copyOf(good, 120), "damaged"});
        damaged.add(new Object[] {"cut in half", Arrays.copyOf(good, good.length / 2), "damaged"});
        damaged.add(new Object[] {"missing its last byte", Arrays.copyOf(good, good.length - 1), "damaged"});
        damaged.add(new Object[] {"with a byte changed", flip(good, good.length / 3), "damaged"});
        damaged.add(new Object[] {"with a byte changed in its checksum", flip(good, good.length - 2), "damaged"});
        damaged.add(new Object[] {"with bytes appended", concat(good, new byte[] {1, 2, 3}), "damaged"});
        damaged.add(new Object[] {"replaced by a JSON file", Files.readAllBytes(f.classifier.resolve("classifier.json")), "not an ebgan4j checkpoint"});
        damaged.add(new Object[] {"of a future format", version(good, 7), "newer ebgan4j"});
        damaged.add(new Object[] {"of another model's networks", image, "another architecture"});
        for (Object[] d : damaged) {
            Path run = f.copyOf(f.run2d);
            Files.write(run.resolve("checkpoints/last.ckpt"), (byte[]) d[1]);
            String what = "checkpoint " + d[0];
            String mentions = (String) d[2];
            cases.add(BadInput.of(GROUP, "sample: " + what, mentions, "sample", "--run", run.toString(), "--n", "4", "--out", f.out(".npy")));
            cases.add(BadInput.of(GROUP, "resume: " + what, mentions, "train", "--resume", "--quiet", "--steps", "30", "--out", run.toString()));
            cases.add(BadInput.of(GROUP, "energy: " + what, mentions, "energy", "--run", run.toString(), "--data", "gaussians4",
                    "--max-samples", "10"));
        }
        Path other = f.copyOf(f.runImage);
        Files.write(other.resolve("checkpoints/last.ckpt"), good);
        cases.add(BadInput.of(GROUP, "sample: an image run with a 2D run's checkpoint", "another architecture", "sample", "--run",
                other.toString(), "--n", "4", "--out", f.out(".png")));
        cases.add(BadInput.of(GROUP, "eval: an image run with a 2D run's checkpoint", "another architecture", "eval", "--run",
                other.toString(), "--classifier", f.classifier.toString(), "--n", "50"));
        Path folder = f.copyOf(f.run2d);
        Files.delete(folder.resolve("checkpoints/last.ckpt"));
        Files.createDirectories(folder.resolve("checkpoints/last.ckpt"));
        cases.add(BadInput.of(GROUP, "sample: a checkpoint that is a folder", "is a folder", "sample", "--run", folder.toString(),
                "--out", f.out(".png")));
        cases.add(BadInput.of(GROUP, "resume: a checkpoint that is a folder", "is a folder", "train", "--resume", "--quiet",
                "--out", folder.toString()));
        return cases;
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x5a;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The checkpoint with its format number (the int after the magic string) replaced. */
    private static byte[] version(byte[] bytes, int version) {
        byte[] copy = bytes.clone();
        int at = 2 + "ebgan4j-checkpoint".length();
        copy[at] = (byte) (version >>> 24);
        copy[at + 1] = (byte) (version >>> 16);
        copy[at + 2] = (byte) (version >>> 8);
        copy[at + 3] = (byte) version;
        return copy;
    }
}
