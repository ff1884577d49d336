package org.ebgan4j.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.ebgan4j.game.StepMetrics;

import java.time.Duration;

/** A progress bar on standard error: steps, speed, and the step's losses and mean energies. */
public final class ProgressBarListener implements TrainingListener {

    private ProgressBar bar;

    @Override
    public void onTrainingBegin(TrainingContext context) {
        bar = new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(context.totalSteps())
                .startsFrom(context.startStep(), Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 150))
                .showSpeed()
                .build();
    }

    @Override
    public void onStep(TrainingContext context, long step, StepMetrics metrics) {
        bar.stepTo(step);
        bar.setExtraMessage(" " + summary(metrics));
    }

    @Override
    public void onTrainingEnd(TrainingContext context) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    static String summary(StepMetrics m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("D %.3g G %.3g", m.get(StepMetrics.LOSS_D), m.get(StepMetrics.LOSS_G)));
        sb.append(String.format(" E+ %.3g E- %.3g", m.get(StepMetrics.ENERGY_REAL), m.get(StepMetrics.ENERGY_FAKE)));
        if (m.asMap().containsKey(StepMetrics.PULL_AWAY)) {
            sb.append(String.format(" PT %.3f", m.get(StepMetrics.PULL_AWAY)));
        }
        return sb.toString();
    }
}
