package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import org.ebgan4j.data.Batches;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The path a GPU run takes to its first weights: drawn on the CPU, then moved through the checkpoint
 * format to the device. Taken here on the CPU, it must give the same bits as drawing in place and
 * leave every parameter trainable as before.
 */
class EnergyGanDeviceTest {

    private static List<NDArray> parameters(EnergyGan gan) {
        List<NDArray> all = new ArrayList<>();
        for (var block : List.of(gan.generator(), gan.discriminator())) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                all.add(p.getValue().getArray());
            }
        }
        return all;
    }

    private static List<float[]> weights(EnergyGan gan) {
        return parameters(gan).stream().map(NDArray::toFloatArray).toList();
    }

    private static List<Boolean> trainable(EnergyGan gan) {
        return parameters(gan).stream().map(NDArray::hasGradient).toList();
    }

    private static List<Double> train(EnergyGan gan) {
        List<Double> losses = new ArrayList<>();
        try (AdversarialTrainer trainer = new AdversarialTrainer(gan); NDManager m = gan.manager().newSubManager()) {
            Batches batches = new Batches(AdversarialTrainerTest.randomImages(64, 16, 1), 8, 3);
            for (int s = 0; s < 5; s++) {
                try (NDManager step = m.newSubManager()) {
                    var metrics = trainer.step(batches.batch(step, 0, s), s);
                    losses.add(metrics.get("loss_d"));
                    losses.add(metrics.get("loss_g"));
                }
            }
        }
        return losses;
    }

    @Test
    void weightsDrawnOnTheCpuAndCopiedOverAreTheWeightsDrawnInPlace() {
        for (String model : List.of("ebgan-pt", "began", "egan-ent-vi")) {
            TrainConfig config = AdversarialTrainerTest.small(model);
            try (EnergyGan direct = new EnergyGan(config, Device.cpu(), false); EnergyGan copied = new EnergyGan(config, Device.cpu(), true)) {
                assertThat(copied.device()).isEqualTo(Device.cpu());
                List<float[]> a = weights(direct);
                List<float[]> b = weights(copied);
                assertThat(b).hasSameSizeAs(a);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).as(model + " parameter " + i).containsExactly(a.get(i));
                }
                assertThat(trainable(copied)).as(model).isEqualTo(trainable(direct)).contains(true);
                assertThat(train(copied)).as(model + " losses").isEqualTo(train(direct));
            }
        }
    }
}
