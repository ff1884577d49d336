package org.ebgan4j.game;

import java.util.List;

/** A chart of some of a run's metrics over training: {@code name}.png in the run folder. */
public record MetricsChart(String name, String title, List<String> metrics) {

    public MetricsChart {
        metrics = List.copyOf(metrics);
    }
}
