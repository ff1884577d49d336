package org.ebgan4j.experiments.grid;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One line of a grid's {@code results.jsonl}: a trial's settings and what came of it.
 *
 * @param status {@link Status#DONE}, {@link Status#DIVERGED} (scored from its last good checkpoint) or {@link Status#FAILED}
 * @param attempt 1 for the first try of the trial, 2 for its first retry, ...
 * @param reason why it diverged or failed, one line; {@code null} when done
 * @param inceptionScore the EBGAN paper's eq. 6 on the grid's classifier (at most ln 10); {@code null} when failed
 * @param steps the steps trained (a diverged trial: those of its last good checkpoint)
 * @param trainSeconds wall time of training, this attempt (a resumed trial: since it was resumed)
 * @param runner where it ran: host and process
 * @param trained settings as trained, defaults included: the fully connected networks' ({@code layersG},
 *     {@code sizeG}, {@code layersD}, {@code sizeD}, {@code dropoutD}), the optimisers ({@code optimD},
 *     {@code optimG}, {@code lrD}, {@code lrG}) and the engine's {@code threads}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(String id, Status status, int attempt, String reason, Map<String, String> labels,
        Map<String, Object> options, Double inceptionScore, Double expInceptionScore, Double fid, Long steps,
        Double lossD, Double lossG, Double energyReal, Double energyFake, Double trainSeconds, Double evalSeconds,
        String runner, String finishedAt,
        @JsonAlias("networks") Map<String, Object> trained) {

    /** How a trial ended. */
    public enum Status {
        DONE,
        DIVERGED,
        FAILED
    }

    /** Whether the trial needs no further attempt: it was scored (done, or diverged and scored). */
    public boolean scored() {
        return status != Status.FAILED;
    }

    /** The trial's model. */
    public String model() {
        return String.valueOf(options.get("model"));
    }

    /** An option as a number (the trained network's value where the trial left it to its default), or NaN. */
    public double number(String option) {
        Object v = options.get(option);
        if (v == null && trained != null) {
            v = trained.get(option);
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
