package org.ebgan4j.serve;

import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Run folders for the scoring tests: what 'ebgan train' writes, trained for a few steps. */
final class TinyRuns {

    private TinyRuns() {}

    /** EBGAN-PT on the four Gaussians, 50 steps, into {@code dir}. */
    static Path gaussians4(Path dir) throws IOException {
        PreparedRun prepared = TrainConfig.builder().setModel("ebgan-pt").setDataset("gaussians4").optMaxSamples(4000)
                .optBatchSize(128).optSteps(50).optSeed(3).prepare();
        try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            trainer.fit(prepared.data(), new RunFolder(dir), new AdversarialTrainer.FitOptions(false, false, List.of()));
        }
        return dir;
    }
}
