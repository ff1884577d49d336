package org.ebgan4j.scratch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.ebgan4j.train.*;
import org.junit.jupiter.api.Test;
import java.util.*;

class StepProfileScratchTest {
    @Test
    void profile() {
        TrainConfig c = TrainConfigs.defaults(ModelKind.EBGAN_PT, "bench", 784);
        double[] t = new double[8];
        String[] names = {"noise+G fwd", "D loss fwd", "D backward", "D adam", "G loss fwd", "G backward", "G adam", "close"};
        try (EnergyGan model = new EnergyGan(c); AdversarialTrainer tr = new AdversarialTrainer(model)) {
            Random r = new Random(1);
            float[] x = new float[64 * 784];
            for (int i = 0; i < x.length; i++) x[i] = r.nextFloat() * 2 - 1;
            int steps = 600;
            for (int s = 0; s < steps; s++) {
                long[] ts = new long[9];
                ts[0] = System.nanoTime();
                NDManager m = model.manager().newSubManager();
                NDArray real = m.create(x, new Shape(64, 784));
                NDArray z = m.randomUniform(-1, 1, new Shape(64, 100));
                StepMetrics metrics = new StepMetrics();
                NDArray fake;
                NDArray lossD;
                GradientCollector col = Engine.getInstance().newGradientCollector();
                fake = model.generate(z, true);
                ts[1] = System.nanoTime();
                lossD = model.game().discriminatorLoss(model.parameters(), real, fake.stopGradient(), s, metrics);
                lossD.getFloat();
                ts[2] = System.nanoTime();
                col.backward(lossD);
                col.close();
                ts[3] = System.nanoTime();
                tr.discriminatorOptimizer().step();
                ts[4] = System.nanoTime();
                tr.discriminatorOptimizer().freeze(true);
                col = Engine.getInstance().newGradientCollector();
                NDArray lossG = model.game().generatorLoss(model.parameters(), fake, s, metrics);
                lossG.getFloat();
                ts[5] = System.nanoTime();
                col.backward(lossG);
                col.close();
                tr.discriminatorOptimizer().freeze(false);
                ts[6] = System.nanoTime();
                tr.generatorOptimizer().step();
                ts[7] = System.nanoTime();
                m.close();
                ts[8] = System.nanoTime();
                if (s >= 100) for (int i = 0; i < 8; i++) t[i] += (ts[i + 1] - ts[i]) / 1e6;
            }
            double total = 0;
            for (int i = 0; i < 8; i++) { System.out.printf("PROFILE %-12s %.2f ms%n", names[i], t[i] / (steps - 100)); total += t[i]; }
            System.out.printf("PROFILE total %.2f ms%n", total / (steps - 100));
        }
    }
}
