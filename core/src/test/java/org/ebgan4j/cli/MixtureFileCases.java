package org.ebgan4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue section: mixture files given to {@code train --dataset my.json} (and {@code energy --data}):
 * unknown keys, weights, means and covariances out of range, wrong types, malformed JSON.
 */
final class MixtureFileCases implements BadInputCatalogueTest.Section {

    private static final String GROUP = "mixture files";
    /** One good component, to sit beside a bad one. */
    private static final String OK = "{\"weight\": 0.5, \"mean\": [0, 0], \"cov\": [[1, 0], [0, 1]]}";

    private final List<BadInput> cases = new ArrayList<>();
    private CatalogueFixtures f;

    @Override
    public List<BadInput> cases(CatalogueFixtures fixtures) throws IOException {
        f = fixtures;
        keys();
        weights();
        means();
        covariances();
        structure();
        return cases;
    }

    private void keys() throws IOException {
        train("a misspelt top-level key", "unknown key \"componets\"; did you mean \"components\"",
                "{\"componets\": [" + OK + "]}");
        train("a misspelt weight", "unknown key \"weigth\"; did you mean \"weight\"",
                "{\"components\": [{\"weigth\": 1, \"mean\": [0, 0], \"cov\": [[1, 0], [0, 1]]}]}");
        train("means for mean", "unknown key \"means\"",
                "{\"components\": [{\"weight\": 1, \"means\": [0, 0], \"cov\": [[1, 0], [0, 1]]}]}");
        train("covariance for cov", "unknown key \"covariance\"; did you mean \"cov\"",
                "{\"components\": [{\"weight\": 1, \"mean\": [0, 0], \"covariance\": [[1, 0], [0, 1]]}]}");
        train("a key of another tool", "unknown key \"format\"", "{\"format\": 2, \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("Scale capitalised", "unknown key \"Scale\"", "{\"Scale\": 10, \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("a key given twice", "duplicate field 'weight'",
                "{\"components\": [{\"weight\": 0.5, \"weight\": 1, \"mean\": [0, 0], \"cov\": [[1, 0], [0, 1]]}]}");
        energy("a misspelt key, scored by energy", "unknown key \"sclae\"", "{\"sclae\": 10, \"components\": [" + OK.replace("0.5", "1") + "]}");
    }

    private void weights() throws IOException {
        train("weights summing to 1.5", "weights sum to 1.5", "{\"components\": [" + OK + ", " + OK.replace("0.5", "1") + "]}");
        train("weights summing to 0.9", "weights sum to 0.9", "{\"components\": [" + OK + ", " + OK.replace("0.5", "0.4") + "]}");
        train("weights 1 and 3", "weights sum to 4.0",
                "{\"components\": [" + OK.replace("0.5", "1") + ", " + OK.replace("0.5", "3") + "]}");
        train("one component without a weight", "component 1 has no \"weight\"",
                "{\"components\": [" + OK + ", {\"mean\": [1, 1], \"cov\": [[1, 0], [0, 1]]}]}");
        train("a negative weight", "component 1 has weight -0.5",
                "{\"components\": [" + OK.replace("0.5", "1.5") + ", " + OK.replace("0.5", "-0.5") + "]}");
        train("a zero weight", "component 0 has weight 0.0", "{\"components\": [" + OK.replace("0.5", "0") + ", " + OK.replace("0.5", "1") + "]}");
        train("a weight as a string", "\"weight\" must be a number, got the string \"0.5\"",
                "{\"components\": [" + OK.replace("0.5", "\"0.5\"") + ", " + OK + "]}");
        train("a weight of true", "\"weight\" must be a number, got true", "{\"components\": [" + OK.replace("0.5", "true") + "]}");
        train("a weight of null", "\"weight\" must be a number, got null", "{\"components\": [" + OK.replace("0.5", "null") + "]}");
        train("an infinite weight", "weight Infinity", "{\"components\": [" + OK.replace("0.5", "1e400") + "]}");
    }

    private void means() throws IOException {
        train("a mean as a string", "\"mean\" must be two numbers, like [0, 0]; got the string \"0, 0\"",
                component("\"0, 0\"", "[[1, 0], [0, 1]]"));
        train("a mean of three numbers", "got the array [0,0,0]", component("[0, 0, 0]", "[[1, 0], [0, 1]]"));
        train("a mean of strings", "got the array [\"0\",\"0\"]", component("[\"0\", \"0\"]", "[[1, 0], [0, 1]]"));
        train("a mean of one number", "\"mean\" must be two numbers", component("[5]", "[[1, 0], [0, 1]]"));
        train("no mean", "\"mean\" must be two numbers, like [0, 0]; got nothing",
                "{\"components\": [{\"weight\": 1, \"cov\": [[1, 0], [0, 1]]}]}");
        train("a mean near 1e39", "beyond +-1e6", component("[1e39, 0]", "[[1, 0], [0, 1]]"));
        train("a mean of 2e6", "the mean [0.0, 2000000.0]", component("[0, 2e6]", "[[1, 0], [0, 1]]"));
        train("an infinite mean", "the mean [Infinity, 0.0], which is not finite", component("[1e400, 0]", "[[1, 0], [0, 1]]"));
    }

    private void covariances() throws IOException {
        train("a variance of 1e13", "deviation beyond 1e6", component("[0, 0]", "[[1e13, 0], [0, 1]]"));
        train("a covariance not symmetric", "not symmetric", component("[0, 0]", "[[1, 0.3], [0, 1]]"));
        train("a covariance not positive definite", "not positive definite: [[1.0, 2.0], [2.0, 1.0]]",
                component("[0, 0]", "[[1, 2], [2, 1]]"));
        train("a negative variance", "not positive definite: [[-1.0, 0.0], [0.0, 1.0]]", component("[0, 0]", "[[-1, 0], [0, 1]]"));
        train("a zero covariance", "not positive definite: [[0.0, 0.0], [0.0, 0.0]]", component("[0, 0]", "[[0, 0], [0, 0]]"));
        train("a 3x3 covariance", "\"cov\" must be a 2x2 matrix", component("[0, 0]", "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]"));
        train("a flat covariance", "got the array [1,0,0,1]", component("[0, 0]", "[1, 0, 0, 1]"));
        train("a covariance with a string", "2x2 matrix of numbers", component("[0, 0]", "[[1, 0], [0, \"1\"]]"));
        train("an infinite covariance", "which is not finite", component("[0, 0]", "[[1e400, 0], [0, 1]]"));
        train("a diagonal as one number", "got 1", component("[0, 0]", "1"));
    }

    private void structure() throws IOException {
        train("no components", "has no \"components\"", "{\"name\": \"none\"}");
        train("an empty components array", "needs a non-empty \"components\" array", "{\"components\": []}");
        train("components as an object", "got the object", "{\"components\": " + OK + "}");
        train("a component that is a number", "component 0 must be an object", "{\"components\": [1]}");
        train("a name that is a number", "\"name\" must be a non-empty string, got 5", "{\"name\": 5, \"components\": ["
                + OK.replace("0.5", "1") + "]}");
        train("an empty name", "\"name\" must be a non-empty string", "{\"name\": \" \", \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("a scale as a string", "\"scale\" must be a number, got the string \"10\"",
                "{\"scale\": \"10\", \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("a negative scale", "needs a positive scale, got -2.0", "{\"scale\": -2, \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("a zero scale", "needs a positive scale, got 0.0", "{\"scale\": 0, \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("a scale of 1e-9", "\"scale\" 1.0E-9 puts the mixture's points up to 3.00e+09",
                "{\"scale\": 1e-9, \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("a scale of 1e12", "\"scale\" 1.0E12 puts", "{\"scale\": 1e12, \"components\": [" + OK.replace("0.5", "1") + "]}");
        train("not JSON", "is not valid JSON at line 1", "{\"components\": [" + OK + ",");
        train("two objects", "trailing token", "{\"components\": [" + OK.replace("0.5", "1") + "]} {}");
        train("a JSON array", "must hold one JSON object", "[" + OK + "]");
        train("an empty file", "must hold one JSON object", "");
        train("a NaN literal", "NaN", component("[NaN, 0]", "[[1, 0], [0, 1]]"));
        train("a comment", "is not valid JSON", "// my mixture\n{\"components\": [" + OK.replace("0.5", "1") + "]}");
        cases.add(BadInput.of(GROUP, "train: a mixture file that does not exist", "does not exist; write one like", "train",
                "--model", "ebgan-pt", "--dataset", f.fresh(".json").toString(), "--steps", "1", "--quiet", "--out", f.out("-run")));
        cases.add(BadInput.of(GROUP, "train: a folder named .json", "is a folder", "train", "--model", "ebgan-pt", "--dataset",
                Files.createDirectories(f.fresh(".json")).toString(), "--steps", "1", "--quiet", "--out", f.out("-run")));
    }

    /** A mixture of one component with weight 1 and the given mean and cov. */
    private static String component(String mean, String cov) {
        return "{\"components\": [{\"weight\": 1, \"mean\": " + mean + ", \"cov\": " + cov + "}]}";
    }

    private void train(String name, String mentions, String json) throws IOException {
        Path file = f.text(".json", json);
        cases.add(BadInput.of(GROUP, "train: " + name, mentions, "train", "--model", "ebgan-pt", "--dataset", file.toString(),
                "--steps", "1", "--quiet", "--out", f.out("-run")));
    }

    private void energy(String name, String mentions, String json) throws IOException {
        Path file = f.text(".json", json);
        cases.add(BadInput.of(GROUP, "energy: " + name, mentions, "energy", "--run", f.run2d.toString(), "--data", file.toString()));
    }
}
