package org.ebgan4j.cli;

import org.ebgan4j.eval.DigitClassifier;
import org.ebgan4j.eval.RunEvaluation;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ebgan classifier}: the image classifier that the inception score and the Frechet distance use. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "Train the classifier behind 'ebgan eval' (inception score, FID).",
        subcommands = {ClassifierCommand.Train.class})
final class ClassifierCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: train");
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a small convolutional classifier on real images and save it with its held-out accuracy.")
    static final class Train implements Callable<Integer> {

        @CommandLine.Mixin DeviceOption device;

        @Option(names = "--dataset", required = true, description = "mnist, fashion-mnist or mnist-json")
        String dataset;

        @Option(names = "--data-dir", description = "folder of the data set's files")
        Path dataDir;

        @Option(names = "--hold-out", defaultValue = "1000",
                description = "images held out of training for the accuracy when the data set has no test split "
                        + "(npm digits; default: ${DEFAULT-VALUE}, the same images 'ebgan train --hold-out 1000' keeps out)")
        int holdOut;

        @Option(names = "--epochs", defaultValue = "12", description = "passes over the training images (default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--batch", defaultValue = "64", description = "batch size (default: ${DEFAULT-VALUE})") int batch;
        @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE})") float lr;
        @Option(names = "--shift", defaultValue = "2",
                description = "random translation of training images, in pixels (default: ${DEFAULT-VALUE})") int shift;
        @Option(names = "--dropout", defaultValue = "0.5", description = "dropout before the last layer (default: ${DEFAULT-VALUE})")
        float dropout;
        @Option(names = "--seed", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})") long seed;
        @Option(names = "--out", description = "folder to write the classifier into (default: classifiers/<dataset>)") Path out;
        @Option(names = "--quiet", description = "no progress bar") boolean quiet;

        @Override
        public Integer call() throws Exception {
            // The settings are checked before the data is read, so that a bad value is the only thing said.
            DigitClassifier.Settings settings = new DigitClassifier.Settings(epochs, batch, lr, shift, dropout, seed);
            if (holdOut < 0) {
                throw new IllegalArgumentException("--hold-out must be 0 or more, got " + holdOut);
            }
            DigitClassifier.TrainingData data = DigitClassifier.TrainingData.of(dataset, dataDir, holdOut, seed);
            Path folder = out != null ? out : RunEvaluation.defaultClassifier(dataset);
            System.err.printf("ebgan: training a classifier on %d %s images (%d held out) into %s%n",
                    data.train().size(), dataset, data.heldOut().size(), folder);
            try (DigitClassifier c = DigitClassifier.train(data, settings, !quiet)) {
                c.save(folder);
                System.out.printf("held-out accuracy %.4f on %d images (%d training images, %d epochs, %.1f s); saved in %s%n",
                        c.info().heldOutAccuracy(), c.info().heldOutSamples(), c.info().trainSamples(), epochs,
                        c.info().seconds(), folder);
            }
            return 0;
        }
    }
}
