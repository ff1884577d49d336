package org.ebgan4j.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;

import org.ebgan4j.data.Batches;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.StepMetrics;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainingContext;
import org.ebgan4j.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Why a Spark task runs its trial in a JVM of its own: an executor runs tasks as threads of one JVM,
 * and DJL's PyTorch engine allows one gradient collector per process, so a second training there
 * fails as soon as the first is inside a step.
 */
class ExecutorIsolationTest {

    private static TensorDataset data() {
        Random r = new Random(1);
        float[] x = new float[64 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return new TensorDataset("random", x, null, new long[] {16}, 0.5, 0.5);
    }

    private static TrainConfig config() {
        return TrainConfig.builder().setModel("ebgan").setDataset("random").optNoiseDim(4).optSizeG(16).optSizeD(8).optBatchSize(8)
                .optSteps(2).build(data());
    }

    @Test
    void twoTrainingsInOneJvmCannotBothBeInAStep() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch tried = new CountDownLatch(1);
        TrainingListener hold = new TrainingListener() {
            @Override
            public void onLoss(TrainingContext context, long step, String phase, StepMetrics metrics) {
                inStep.countDown();
                try {
                    tried.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (EnergyGan first = new EnergyGan(config()); AdversarialTrainer a = new AdversarialTrainer(first, List.of(hold));
                EnergyGan second = new EnergyGan(config()); AdversarialTrainer b = new AdversarialTrainer(second);
                NDManager m = first.manager().newSubManager(); NDManager n = second.manager().newSubManager()) {
            Batches batches = new Batches(data(), 8, 0);
            Future<StepMetrics> firstStep = pool.submit(() -> a.step(batches.batch(m, 0, 0), 0));
            assertThat(inStep.await(60, TimeUnit.SECONDS)).isTrue();
            try {
                assertThatThrownBy(() -> b.step(batches.batch(n, 0, 1), 0))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Only one can be collecting at a time");
            } finally {
                tried.countDown();
            }
            assertThat(firstStep.get(60, TimeUnit.SECONDS).get(StepMetrics.LOSS_G)).isFinite();
        } finally {
            pool.shutdownNow();
        }
    }
}
