package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.EbganGame;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.ConvolutionalSpec;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.NoiseKind;
import org.ebgan4j.nn.OutputActivation;
import org.ebgan4j.optim.OptimizerSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class TrainConfigBuilderTest {

    private static TensorDataset images(int n, int channels, int side) {
        return new TensorDataset("pictures", new float[n * channels * side * side], null, new long[] {channels, side, side}, 0.5, 0.5);
    }

    private static TensorDataset points(int n) {
        return new TensorDataset("gaussians4", new float[2 * n], null, new long[] {2}, 20, 0);
    }

    private static TrainConfigBuilder builder(String model, String dataset) {
        return TrainConfig.builder().setModel(model).setDataset(dataset);
    }

    @Test
    void imagesAndPointsGetThePapersDefaultNetworksAndSchedule() {
        TrainConfig images = builder("ebgan-pt", "mnist").build(AdversarialTrainerTest.randomImages(4, 784, 0));
        assertThat(images.networks()).isEqualTo(FullyConnectedSpec.ebgan(100, 784, 3, 800, 2, 256, 0f, true, OutputActivation.TANH));
        assertThat(images.optimizer()).isEqualTo(TrainConfig.OptimizerConfig.adam(1e-3f, 1e-3f, 0.5f, 0.999f));
        assertThat(images.schedule()).isEqualTo(new TrainConfig.RunSchedule(64, 1, 0, 0, 10, 500, 500));
        TrainConfig twoD = builder("ebgan", "gaussians4").build(points(4));
        assertThat(twoD.networks()).isEqualTo(FullyConnectedSpec.ebgan(4, 2, 3, 128, 2, 128, 0f, true, OutputActivation.LINEAR));
        assertThat(twoD.data().scale()).isEqualTo(20);
        assertThat(twoD.defaultRunName()).isEqualTo("ebgan-gaussians4-0");
        assertThat(builder("began", "mnist").build(AdversarialTrainerTest.randomImages(4, 784, 0)).optimizer().generator().lr())
                .isEqualTo(1e-4f);
    }

    @Test
    void theCalibratedGamesFollowTheAuthorsRecipeOn2dData() {
        TrainConfig c = builder("egan-ent-nn", "spirals").build(points(4));
        assertThat(c.networks()).isEqualTo(new FullyConnectedSpec(4, NoiseKind.NORMAL, 2, 3, 128, 3, 128, 0f, true, false, 0.01f, 0.1f,
                OutputActivation.LINEAR));
        assertThat(c.optimizer()).isEqualTo(new TrainConfig.OptimizerConfig(new OptimizerSpec.Adam(2e-4f, 0f, 0.999f),
                new OptimizerSpec.Adam(2e-3f, 0f, 0.999f), 0.99f, 200, 1e-5f));
        assertThat(c.schedule()).isEqualTo(new TrainConfig.RunSchedule(500, 500, 0, 0, 50, 5000, 5000));
        // The GAN baseline gets the recipe only when asked (the 2D experiment asks).
        assertThat(builder("gan", "spirals").build(points(4)).schedule().batchSize()).isEqualTo(64);
        assertThat(builder("gan", "spirals").optCalibrated2dRecipe(true).build(points(4)).schedule().batchSize()).isEqualTo(500);
    }

    @Test
    void oneLearningRateForBothUnlessANetworksOwnIsGiven() {
        TensorDataset data = points(4);
        TrainConfig both = builder("ebgan", "gaussians4").optLr(5e-4f).build(data);
        assertThat(both.optimizer().discriminator().lr()).isEqualTo(5e-4f);
        assertThat(both.optimizer().generator().lr()).isEqualTo(5e-4f);
        TrainConfig split = builder("ebgan", "gaussians4").optLr(5e-4f).optLrG(2e-3f).build(data);
        assertThat(split.optimizer().discriminator().lr()).isEqualTo(5e-4f);
        assertThat(split.optimizer().generator().lr()).isEqualTo(2e-3f);
        // The calibrated recipe's own 10x for G stays unless a rate is given.
        TrainConfig recipe = builder("egan-const", "gaussians4").optLrD(1e-4f).build(data);
        assertThat(recipe.optimizer().discriminator().lr()).isEqualTo(1e-4f);
        assertThat(recipe.optimizer().generator().lr()).isEqualTo(2e-3f);
    }

    @Test
    void eachNetworkTakesAdamOrSgd() {
        TrainConfig c = builder("gan", "gaussians4").optOptimizerD("sgd").optMomentum(0.5f).optLr(0.01f).build(points(4));
        assertThat(c.optimizer().discriminator()).isEqualTo(new OptimizerSpec.Sgd(0.01f, 0.5f));
        assertThat(c.optimizer().generator()).isEqualTo(new OptimizerSpec.Adam(0.01f, 0.5f, 0.999f));
        assertThatThrownBy(() -> builder("gan", "gaussians4").optMomentum(0.5f).build(points(4)))
                .hasMessage("`momentum` applies to SGD only");
        assertThatThrownBy(() -> builder("gan", "gaussians4").optOptimizerD("sgd").optOptimizerG("sgd").optBeta1(0.9f).build(points(4)))
                .hasMessage("`beta1` and `beta2` apply to Adam only");
        assertThatThrownBy(() -> builder("gan", "gaussians4").optOptimizerG("rmsprop").build(points(4)))
                .hasMessage("`optimG` 'rmsprop' is not one of adam, sgd");
    }

    @Test
    void optionsThatDoNotApplyAreRefusedNamingTheParameter() {
        TensorDataset data = points(40);
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").optSteps(10).optEpochs(2).build(data))
                .hasMessage("give `steps` or `epochs`, not both");
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").optGamma(0.7f).build(data))
                .hasMessage("`gamma` does not apply to model ebgan");
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").optRandomCrop(8).build(data))
                .hasMessageContaining("`randomCrop` needs a convolutional `arch`");
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").optArchitecture("digits28").build(data))
                .hasMessageContaining("2D mixture");
        assertThatThrownBy(() -> builder("ebgan", "pictures").optArchitecture("cifar32").optLayersG(4).build(images(2, 3, 32)))
                .hasMessageContaining("`layersG` apply to the fully connected networks");
        assertThatThrownBy(() -> builder("egan-ent-nn", "gaussians4").optKnnK(32).optBatchSize(32).build(data))
                .hasMessageContaining("`knnK` 32 must be below the `batch` of 32");
        assertThatThrownBy(() -> TrainConfig.builder().setDataset("gaussians4").build(data)).hasMessageContaining("`model` is required");
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").optLayersG(1).build(data))
                .hasMessageContaining("`layersG` must be at least 2");
    }

    @Test
    void convolutionalNetworksAreFittedToTheImagesAndTheCrop() {
        TrainConfig grey = builder("ebgan", "pictures").optArchitecture("cifar32").build(images(2, 1, 28));
        ConvArchitecture a = ((ConvolutionalSpec) grey.networks()).architecture();
        assertThat(a.channels()).as("grey images keep one channel").isEqualTo(1);
        assertThat(grey.fit(images(2, 1, 28)).sampleShape()).containsExactly(1, 32, 32);
        TrainConfig cropped = builder("ebgan", "images").optImageSize(40).optRandomCrop(32).optArchitecture("cifar32")
                .build(images(2, 3, 40));
        assertThat(cropped.fit(images(2, 3, 40)).sampleShape()).as("crops are cut from the images as loaded").containsExactly(3, 40, 40);
        assertThatThrownBy(() -> builder("ebgan", "images").optImageSize(40).optRandomCrop(30).optArchitecture("cifar32")
                .build(images(2, 3, 40))).hasMessageContaining("`randomCrop` 30 must equal the side of cifar32, 32");
        TrainConfig custom = builder("ebgan", "pictures").optLayers("(32)7t1s0p-(1)4t2s", "(16)4c2s", "(1)4t2s").build(images(2, 1, 14));
        assertThat(((ConvolutionalSpec) custom.networks()).architecture().critic()).isEqualTo("(16)4c2s");
        assertThat(custom.networks().batchNormD()).isTrue();
        assertThat(builder("ebgan", "pictures").optArchitecture("cifar32").optBatchNormD(false).build(images(2, 3, 32))
                .networks().batchNormD()).isFalse();
    }

    @Test
    void aGivenSpecReplacesItsOptions() {
        EbganGame.Spec game = new EbganGame.Spec(org.ebgan4j.energy.Reduction.MEAN, org.ebgan4j.objective.MarginSchedule.constant(3), 0f);
        TrainConfig c = TrainConfig.builder().setDataset("gaussians4").setGame(game).build(points(4));
        assertThat(c.game()).isEqualTo(game);
        assertThatThrownBy(() -> TrainConfig.builder().setDataset("gaussians4").setGame(game).optMargin(2).build(points(4)))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> TrainConfig.builder().setDataset("gaussians4").setModel("gan").setGame(game).build(points(4)))
                .hasMessageContaining("not the `model` gan");
        assertThat(builder("egan-const", "gaussians4").build(points(4)).game()).isInstanceOf(CalibratedGame.Spec.class);
    }

    @Test
    void optionsByNameTakeValuesAsJsonGivesThem() {
        TrainConfig c = TrainConfig.builder().option("model", "ebgan-pt").option("dataset", "gaussians4")
                .option("layersG", 4.0).option("lr", 0.0005).option("marginDecay", "linear").option("marginEnd", 0.5)
                .option("marginDecaySteps", 100).option("energy", "mean").option("batch", 32L).build(points(40));
        assertThat(((FullyConnectedSpec) c.networks()).layersG()).isEqualTo(4);
        assertThat(c.optimizer().generator().lr()).isEqualTo(5e-4f);
        assertThat(c.schedule().batchSize()).isEqualTo(32);
        assertThat(c.game()).isEqualTo(new EbganGame.Spec(org.ebgan4j.energy.Reduction.MEAN,
                new org.ebgan4j.objective.MarginSchedule(org.ebgan4j.objective.MarginSchedule.Kind.LINEAR, 1f, 0.5f, 100), 0.1f));
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").option("layersG", 2.5).build(points(4)))
                .hasMessage("`layersG` must be a whole number, got 2.5");
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").option("marginDecay", "cosine").build(points(4)))
                .hasMessage("`marginDecay` 'cosine' is not one of constant, linear, exponential");
        assertThatThrownBy(() -> builder("ebgan", "gaussians4").option("lrr", 0.1).build(points(4)))
                .hasMessage("`lrr` does not apply to model ebgan");
    }

    @Test
    void prepareLoadsTheDataOfTheRunsSeed() {
        PreparedRun a = builder("ebgan", "biased2").optMaxSamples(500).optSeed(4).prepare();
        PreparedRun b = builder("ebgan", "biased2").optMaxSamples(500).optSeed(4).prepare();
        PreparedRun c = builder("ebgan", "biased2").optMaxSamples(500).optSeed(5).prepare();
        assertThat(a.data().data()).hasSize(1000).containsExactly(b.data().data());
        assertThat(a.data().data()).isNotEqualTo(c.data().data());
        assertThat(a.config().data().dataDir()).isNull();
        assertThat(builder("ebgan", "mnist").optDataDir(Path.of("/d")).dataSpec().dataDir()).isEqualTo("/d");
    }
}
