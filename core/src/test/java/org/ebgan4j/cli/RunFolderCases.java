package org.ebgan4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run folders that cannot be trained into, resumed, sampled or scored: not a run, another
 * user's files, a damaged or hand-edited config.json, flags a resume cannot honour, a data file
 * changed under a run.
 */
final class RunFolderCases implements BadInputCatalogueTest.Section {

    private static final String GROUP = "run folders";

    @Override
    public List<BadInput> cases(CatalogueFixtures f) throws IOException {
        List<BadInput> cases = new ArrayList<>();
        String run2d = f.run2d.toString();

        // --out that is not a place for a new run.
        Path userFiles = Files.createDirectories(f.fresh("-user"));
        Files.writeString(userFiles.resolve("metrics.jsonl"), "{\"mine\": 1}\n");
        Files.writeString(userFiles.resolve("energy.png"), "not really a picture");
        cases.add(train(f, "--out a folder of other files", "not empty", userFiles));
        cases.add(train(f, "--out a file", "is a file", f.text(".txt", "notes")));
        cases.add(train(f, "--out a run already there", "already holds a run", f.run2d));
        cases.add(BadInput.of(GROUP, "--out under a file", "case-", "train", "--dataset", "gaussians4", "--steps", "1", "--quiet",
                "--out", f.text(".txt", "x").resolve("run").toString()));

        // --resume of what is not a resumable run, or with what a resume cannot change.
        cases.add(BadInput.of(GROUP, "--resume without --out", "--out", "train", "--resume"));
        cases.add(resume(f, "--resume of no folder", "config.json is missing", f.fresh("-none")));
        cases.add(resume(f, "--resume of a folder of other files", "config.json is missing", userFiles));
        cases.add(resume(f, "--resume of a file", "is a file", f.text(".txt", "x")));
        for (String[] flag : new String[][] {{"--model", "gan"}, {"--batch", "8"}, {"--dataset", "biased2"}, {"--margin", "3"},
                {"--seed", "5"}, {"--pt-weight", "0.5"}, {"--size-g", "64"}, {"--checkpoint-every", "5"}, {"--arch", "digits28"},
                {"--no-batch-norm", null}, {"--optim-d", "sgd"}, {"--lr-decay", "0.9"}}) {
            Path copy = f.copyOf(f.run2d);
            cases.add(flag[1] == null ? resume(f, "--resume with " + flag[0], flag[0], copy, flag[0])
                    : resume(f, "--resume with " + flag[0], flag[0], copy, flag[0], flag[1]));
        }
        cases.add(resume(f, "--resume with --epochs and --steps", "--steps", f.copyOf(f.run2d), "--epochs", "3", "--steps", "40"));
        cases.add(resume(f, "--resume shorter than trained", "20 steps", f.copyOf(f.run2d), "--steps", "5"));
        cases.add(resume(f, "--resume with a negative rate", "-1", f.copyOf(f.run2d), "--lr", "-1"));
        cases.add(resume(f, "--resume with a zero D rate", "0.0", f.copyOf(f.run2d), "--lr-d", "0"));

        // A data file changed or removed under a run.
        Path mixture = f.text(".json", "{\"name\": \"m\", \"scale\": 1, \"components\": [{\"weight\": 0.5, \"mean\": [0, 0], "
                + "\"cov\": [[1, 0], [0, 1]]}, {\"weight\": 0.5, \"mean\": [3, 3], \"cov\": [[1, 0], [0, 1]]}]}");
        Path onMixture = f.fresh("-mixture-run");
        CliRun trained = CliRun.of("train", "--model", "ebgan", "--dataset", mixture.toString(), "--max-samples", "256",
                "--steps", "4", "--batch", "32", "--checkpoint-every", "2", "--quiet", "--out", onMixture.toString());
        if (trained.code() != 0) {
            throw new IllegalStateException("cannot train on a mixture file: " + trained.err());
        }
        Files.writeString(mixture, Files.readString(mixture).replace("[3, 3]", "[4, 3]"));
        cases.add(resume(f, "--resume after its mixture file changed", "has changed", onMixture, "--steps", "8"));
        Path gone = f.copyOf(onMixture);
        Path moved = f.text(".json", "{}");
        editConfig(gone, text -> text.replace(mixture.toString(), moved.toString().replace(".json", "-missing.json")));
        cases.add(resume(f, "--resume after its mixture file was removed", "is gone", gone, "--steps", "8"));
        Path noIdx = f.copyOf(f.runImage);
        editConfig(noIdx, text -> text.replace(f.idx.toString(), f.sandbox.resolve("moved-idx").toString()));
        cases.add(resume(f, "--resume after its data folder moved", "moved-idx", noIdx, "--steps", "8"));

        // config.json damaged or hand-edited: every command that reads a run names the file and the field.
        String[][] edits = {
            {"config.json that is not JSON", "not valid JSON", null, "{ \"format\": 2, "},
            {"config.json empty", "empty", null, ""},
            {"config.json an array", "JSON object", null, "[1, 2]"},
            {"config.json in another encoding", "not valid JSON", null, "\u00ff\u00fe{"},
            {"config.json without its networks", "networks", "\"networks\"", "\"networksGone\""},
            {"config.json with an unknown field", "no such field", "\"schedule\" : {", "\"schedule\" : { \"speed\" : 3,"},
            {"config.json of a future format", "newer ebgan4j", "\"format\" : 2", "\"format\" : 99"},
            {"config.json with an unknown model", "wgan", "\"model\" : \"ebgan-pt\"", "\"model\" : \"wgan\""},
            {"config.json with a batch of -1", "batch", "\"batchSize\" : 32", "\"batchSize\" : -1"},
            {"config.json with a string for a number", "seed", "\"seed\" : 0", "\"seed\" : \"zero\""},
            {"config.json with a negative margin", "margin", "\"start\" : 1.0", "\"start\" : -1.0"},
        };
        for (String[] e : edits) {
            Path copy = f.copyOf(f.run2d);
            if (e[2] == null) {
                Files.write(copy.resolve("config.json"), e[3].getBytes(e[3].startsWith("\u00ff") ? StandardCharsets.ISO_8859_1
                        : StandardCharsets.UTF_8));
            } else {
                editConfig(copy, text -> {
                    if (!text.contains(e[2])) {
                        throw new IllegalStateException("the fixture's config.json has no " + e[2] + ":\n" + text);
                    }
                    return text.replace(e[2], e[3]);
                });
            }
            cases.add(BadInput.of(GROUP, "sample: " + e[0], e[1], "sample", "--run", copy.toString(), "--n", "4", "--out",
                    f.out(".png")));
            if (e[0].contains("encoding") || e[0].contains("networks") || e[0].contains("future")) {
                cases.add(resume(f, "resume: " + e[0], e[1], copy, "--steps", "30"));
                cases.add(BadInput.of(GROUP, "energy: " + e[0], e[1], "energy", "--run", copy.toString(), "--data", "gaussians4"));
            }
        }

        Path unknownData = f.copyOf(f.run2d);
        editConfig(unknownData, text -> text.replace("\"dataset\" : \"gaussians4\"", "\"dataset\" : \"nosuch\""));
        cases.add(resume(f, "resume: config.json with a data set that is gone", "nosuch", unknownData, "--steps", "30"));

        // Commands pointed at no run.
        cases.add(BadInput.of(GROUP, "sample of no folder", "config.json is missing", "sample", "--run",
                f.sandbox.resolve("nothing").toString(), "--out", f.out(".png")));
        cases.add(BadInput.of(GROUP, "sample of a file", "is a file", "sample", "--run", f.text(".txt", "x").toString(),
                "--out", f.out(".png")));
        cases.add(BadInput.of(GROUP, "energy of a folder of other files", "config.json is missing", "energy", "--run",
                userFiles.toString(), "--data", "gaussians4"));
        cases.add(BadInput.of(GROUP, "eval of a folder of other files", "config.json", "eval", "--run", userFiles.toString()));
        Path noCheckpoint = f.copyOf(f.run2d);
        Files.delete(noCheckpoint.resolve("checkpoints/last.ckpt"));
        cases.add(BadInput.of(GROUP, "sample of a run without a checkpoint", "no checkpoint", "sample", "--run",
                noCheckpoint.toString(), "--out", f.out(".png")));
        cases.add(BadInput.of(GROUP, "sample into a file type it cannot write", ".gif", "sample", "--run", run2d,
                "--out", f.out(".gif")));
        return cases;
    }

    private static BadInput train(CatalogueFixtures f, String name, String mentions, Path out) {
        return BadInput.of(GROUP, name, mentions, "train", "--dataset", "gaussians4", "--steps", "1", "--quiet", "--out", out.toString());
    }

    private static BadInput resume(CatalogueFixtures f, String name, String mentions, Path run, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--resume", "--quiet", "--out", run.toString()));
        args.addAll(List.of(extra));
        return new BadInput(GROUP, name, 2, mentions, List.copyOf(args));
    }

    private static void editConfig(Path run, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path config = run.resolve("config.json");
        Files.writeString(config, edit.apply(Files.readString(config)));
    }
}
