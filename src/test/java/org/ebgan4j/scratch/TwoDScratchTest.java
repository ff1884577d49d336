package org.ebgan4j.scratch;

import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.train.*;
import org.ebgan4j.nn.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.*;

class TwoDScratchTest {
    static final double[][] MODES = {{7.659, 7.659}, {-7.659, 7.659}, {-7.659, -7.659}, {7.659, -7.659}};
    static double meanDist(float[] xy, double scale) {
        double s = 0; int n = xy.length / 2;
        for (int i = 0; i < n; i++) { double best = 1e9; for (double[] m : MODES) best = Math.min(best, Math.hypot(xy[2*i]*scale - m[0], xy[2*i+1]*scale - m[1])); s += best; }
        return s / n;
    }
    @Test
    void run(@TempDir Path tmp) throws Exception {
        Random r = new Random(1); int n = 20000; float[] x = new float[2*n]; double scale = 20;
        for (int i = 0; i < n; i++) { double[] m = MODES[r.nextInt(4)]; x[2*i] = (float)((m[0] + r.nextGaussian()*2)/scale); x[2*i+1] = (float)((m[1] + r.nextGaussian()*2)/scale); }
        TensorDataset data = new TensorDataset("g4", x, null, new long[]{2}, scale, 0);
        for (String kind : new String[]{"ebgan", "ebgan-pt", "gan"}) for (float margin : new float[]{0.05f, 0.2f, 1f}) {
            TrainConfig c = TrainConfigs.defaults(ModelKind.parse(kind), new TrainConfig.DataConfig("g4", null, 0, scale, 0), 2);
            c = new TrainConfig(c.data(), c.network(), new TrainConfig.ObjectiveConfig(c.objective().model(), c.objective().reduction(), org.ebgan4j.objective.MarginSchedule.constant(margin), 0.1f), c.optimizer(),
                new TrainConfig.RunSchedule(128, 0, 1500, 3, 100, 100000, 100000));
            try (EnergyGan g = new EnergyGan(c); AdversarialTrainer t = new AdversarialTrainer(g)) {
                double before = meanDist(g.sample(2000, 9), scale);
                long t0 = System.nanoTime();
                t.fit(data, new RunFolder(tmp.resolve(kind + margin)), AdversarialTrainer.FitOptions.quiet());
                double after = meanDist(g.sample(2000, 9), scale);
                System.out.printf("%s m=%.2f before %.3f after %.3f (%.1f s)%n", kind, margin, before, after, (System.nanoTime()-t0)/1e9);
            }
            if (kind.equals("gan")) break;
        }
    }
}
