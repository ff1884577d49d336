package org.ebgan4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line values that must be refused before anything is trained or written: out of range,
 * not a number, not applicable to the model or the data, contradicting another option.
 */
final class CliValueCases implements BadInputCatalogueTest.Section {

    private static final String GROUP = "CLI values";

    @Override
    public List<BadInput> cases(CatalogueFixtures f) throws IOException {
        List<BadInput> cases = new ArrayList<>();
        // train on a built-in mixture, each flag with a value it cannot take; the flag must be named.
        String[][] train = {
            {"--pt-weight", "-1"}, {"--pt-weight", "NaN"}, {"--gamma", "-1"}, {"--gamma", "0"}, {"--gamma", "1.5"},
            {"--lambda-k", "-0.1"}, {"--lambda-k", "NaN"}, {"--max-samples", "-5"}, {"--max-samples", "0"},
            {"--margin", "-1"}, {"--margin", "0"}, {"--margin", "NaN"}, {"--margin", "Infinity"},
            {"--knn-k", "0"}, {"--knn-k", "-3"}, {"--entropy-scale", "-1"}, {"--entropy-scale", "NaN"},
            {"--layers-g", "0"}, {"--layers-g", "1"}, {"--size-g", "0"}, {"--size-g", "-5"}, {"--layers-d", "1"},
            {"--size-d", "0"}, {"--noise-dim", "0"}, {"--dropout-d", "1"}, {"--dropout-d", "-0.1"}, {"--dropout-d", "1.5"},
            {"--init-std-g", "0"}, {"--init-std-d", "-1"}, {"--init-std-g", "NaN"},
            {"--lr", "0"}, {"--lr", "-1"}, {"--lr", "NaN"}, {"--lr", "Infinity"}, {"--lr-d", "-1"}, {"--lr-g", "0"},
            {"--lr-decay", "0"}, {"--lr-decay", "1.5"}, {"--decay-after", "-1"},
            {"--beta1", "1"}, {"--beta1", "-0.1"}, {"--beta2", "1.5"}, {"--momentum", "0.5"},
            {"--batch", "1"}, {"--batch", "0"}, {"--batch", "-4"}, {"--epochs", "0"}, {"--epochs", "-1"},
            {"--steps", "0"}, {"--steps", "-10"}, {"--log-every", "0"}, {"--sample-every", "-1"}, {"--checkpoint-every", "0"},
            {"--label", "10"}, {"--label", "-1"}, {"--hold-out", "-1"}, {"--image-size", "32"}, {"--random-crop", "16"},
            {"--margin-decay-steps", "-5"}, {"--margin-end", "-1"},
        };
        for (String[] option : train) {
            String model = switch (option[0]) {
                case "--gamma", "--lambda-k" -> "began";
                case "--knn-k", "--entropy-scale" -> "egan-ent-nn";
                default -> "ebgan-pt";
            };
            String[] extra = option[0].startsWith("--margin-") ? new String[] {"--margin-decay", "linear"} : new String[0];
            cases.add(train(f, option[0] + " " + option[1], option[0], model, concat(option, extra)));
        }
        // Options that do not apply, or contradict each other.
        cases.add(train(f, "--epochs with --steps", "--steps", "ebgan", "--epochs", "2", "--steps", "10"));
        cases.add(train(f, "--gamma for ebgan", "--gamma", "ebgan", "--gamma", "0.5"));
        cases.add(train(f, "--pt-weight for gan", "--pt-weight", "gan", "--pt-weight", "0.5"));
        cases.add(train(f, "--margin for gan", "--margin", "gan", "--margin", "5"));
        cases.add(train(f, "--knn-k for egan-const", "--knn-k", "egan-const", "--knn-k", "5"));
        cases.add(train(f, "--beta1 with SGD for both", "--beta1", "gan", "--optim-d", "sgd", "--optim-g", "sgd", "--beta1", "0.9"));
        cases.add(train(f, "unknown optimiser", "rmsprop", "gan", "--optim-d", "rmsprop"));
        cases.add(train(f, "unknown energy reduction", "median", "ebgan", "--energy", "median"));
        cases.add(train(f, "unknown entropy scaling", "foo", "egan-ent-nn", "--entropy-scaling", "foo"));
        cases.add(train(f, "unknown margin decay", "cosine", "ebgan", "--margin-decay", "cosine"));
        cases.add(train(f, "unknown margin preset", "nosuch", "ebgan", "--margin-preset", "nosuch"));
        cases.add(train(f, "margin and its preset", "--margin", "ebgan", "--margin", "3", "--margin-preset", "mnist"));
        cases.add(train(f, "convolutional arch on 2D data", "needs images", "ebgan", "--arch", "dcgan64"));
        cases.add(BadInput.of(GROUP, "train unknown arch", "nosuch", "train", "--dataset", "mnist", "--data-dir", f.idx.toString(),
                "--arch", "nosuch", "--steps", "1", "--out", f.out("-run")));
        cases.add(BadInput.of(GROUP, "train arch and fully connected sizes", "--size-g", "train", "--dataset", "mnist", "--data-dir",
                f.idx.toString(), "--arch", "digits28", "--size-g", "64", "--steps", "1", "--out", f.out("-run")));
        cases.add(BadInput.of(GROUP, "train random crop larger than the arch", "--random-crop", "train", "--dataset", "mnist",
                "--data-dir", f.idx.toString(), "--arch", "digits28", "--random-crop", "20", "--steps", "1", "--out", f.out("-run")));
        cases.add(train(f, "--knn-k not below the batch", "--knn-k", "egan-ent-nn", "--knn-k", "40", "--batch", "32"));
        cases.add(train(f, "a seed that is not a number", "seven", "ebgan", "--seed", "seven"));
        cases.add(train(f, "a batch that is not a number", "lots", "ebgan", "--batch", "lots"));
        cases.add(train(f, "a rate beyond float", "--lr", "ebgan", "--lr", "1e39"));
        cases.add(BadInput.of(GROUP, "unknown model", "wgan", "train", "--model", "wgan", "--dataset", "gaussians4",
                "--out", f.out("-run")));
        cases.add(BadInput.of(GROUP, "unknown data set", "nosuch", "train", "--dataset", "nosuch", "--out", f.out("-run")));
        cases.add(BadInput.of(GROUP, "IDX data set in an empty folder", "empty", "train", "--dataset", "mnist", "--data-dir",
                Files.createDirectories(f.fresh("-empty")).toString(), "--out", f.out("-run")));
        cases.add(BadInput.of(GROUP, "data folder that does not exist", "no-such-folder", "train", "--dataset", "mnist",
                "--data-dir", f.sandbox.resolve("no-such-folder").toString(), "--out", f.out("-run")));
        cases.add(BadInput.of(GROUP, "unknown flag", "--lrr", "train", "--lrr", "0.1"));
        cases.add(BadInput.of(GROUP, "flag without its value", "--lr", "train", "--dataset", "gaussians4", "--lr"));
        cases.add(BadInput.of(GROUP, "stray positional argument", "extra", "train", "--dataset", "gaussians4", "extra"));
        cases.add(BadInput.of(GROUP, "unknown command", "fly", "fly"));
        cases.add(BadInput.of(GROUP, "no command", "command"));
        // The other commands' own values.
        cases.add(BadInput.of(GROUP, "classifier: zero epochs", "--epochs", "classifier", "train", "--dataset", "mnist",
                "--data-dir", f.idx.toString(), "--epochs", "0", "--out", f.out("-cls")));
        cases.add(BadInput.of(GROUP, "classifier: negative rate", "--lr", "classifier", "train", "--dataset", "mnist",
                "--data-dir", f.idx.toString(), "--lr", "-1", "--out", f.out("-cls")));
        cases.add(BadInput.of(GROUP, "classifier: batch of 0", "--batch", "classifier", "train", "--dataset", "mnist",
                "--data-dir", f.idx.toString(), "--batch", "0", "--out", f.out("-cls")));
        cases.add(BadInput.of(GROUP, "classifier on 2D points", "gaussians4", "classifier", "train", "--dataset", "gaussians4",
                "--out", f.out("-cls")));
        cases.add(BadInput.of(GROUP, "bench: zero steps", "--steps", "bench", "--steps", "0"));
        cases.add(BadInput.of(GROUP, "bench: unknown arch", "nosuch", "bench", "--arch", "nosuch"));
        cases.add(BadInput.of(GROUP, "bench: batch of 1", "--batch", "bench", "--batch", "1"));
        cases.add(BadInput.of(GROUP, "arch: unknown preset", "nosuch", "arch", "--describe", "nosuch"));
        cases.add(BadInput.of(GROUP, "quickstart: zero steps", "--steps", "quickstart", "--steps", "0", "--out", f.out("-qs")));
        cases.add(BadInput.of(GROUP, "grid: unknown grid", "nosuch", "grid", "status", "--grid", "nosuch"));
        cases.add(BadInput.of(GROUP, "grid: zero workers", "--parallel", "grid", "run", "--grid", "table1-sample", "--parallel", "0",
                "--store", f.out("-grid")));
        cases.add(BadInput.of(GROUP, "grid: zero threads per trial", "--threads-per-trial", "grid", "run", "--grid", "table1-sample",
                "--threads-per-trial", "0", "--store", f.out("-grid")));
        cases.add(BadInput.of(GROUP, "grid: report of no store", "no-such-store", "grid", "report", "--store",
                f.sandbox.resolve("no-such-store").toString()));
        cases.add(BadInput.of(GROUP, "grid: spec file that is not JSON", "grid", "grid", "status", "--grid",
                f.text(".json", "{\"name\": \"g\", \"axes\": [").toString()));
        return cases;
    }

    /** {@code ebgan train} on the four-Gaussian mixture with {@code args}, into a folder that must not be created. */
    private static BadInput train(CatalogueFixtures f, String name, String mentions, String model, String... args) {
        List<String> line = new ArrayList<>(List.of("train", "--model", model, "--dataset", "gaussians4", "--steps", "1", "--quiet",
                "--out", f.out("-run")));
        if (Arrays.asList(args).contains("--steps") || Arrays.asList(args).contains("--epochs")) {
            line.subList(5, 7).clear();
        }
        line.addAll(List.of(args));
        return new BadInput(GROUP, "train " + name, 2, mentions, List.copyOf(line));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
