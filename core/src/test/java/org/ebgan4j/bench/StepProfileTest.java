package org.ebgan4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.io.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

class StepProfileTest {

    private static String event(String name, int tid, double ts, double dur) {
        return String.format("{\"name\": \"%s\", \"ph\": \"X\", \"ts\": %s, \"dur\": %s, \"tid\": %d, \"pid\": \"CPU Functions\"}", name,
                ts, dur, tid);
    }

    @Test
    void onlyOperationsNotEnclosedByAnotherOnTheirThreadCountAsCalledFromJava() throws Exception {
        // Thread 1: addmm (0-10) enclosing mm (1-5) and add (6-9); then mul (12-14). Thread 2: a backward (0-20)
        // enclosing addmm (2-8). An instant event and a counter are not operations.
        String trace = "[" + String.join(",", event("aten::addmm", 1, 0, 10), event("aten::mm", 1, 1, 4), event("aten::add", 1, 6, 3),
                event("aten::mul", 1, 12, 2), event("AddmmBackward0", 2, 0, 20), event("aten::addmm", 2, 2, 6),
                "{\"name\": \"mark\", \"ph\": \"i\", \"ts\": 3, \"tid\": 1}", "{\"name\": \"c\", \"ph\": \"C\", \"ts\": 3}") + "]";
        JsonNode tree = Json.strict().readTree(trace);

        StepProfile.Report r = StepProfile.summarise(tree, 2, Map.of(), 1.0);

        // Per step over 2 steps: top level addmm, mul and AddmmBackward0 (3 of 6 events).
        assertThat(r.topLevelOpsPerStep()).isEqualTo(1.5);
        assertThat(r.allOpsPerStep()).isEqualTo(3.0);
        assertThat(r.ops()).extracting(StepProfile.Op::name).containsExactly("AddmmBackward0", "aten::addmm", "aten::mul");
        assertThat(r.ops().get(0).msPerStep()).isCloseTo(0.010, within(1e-12)); // 20 us over 2 steps
        assertThat(r.ops().get(1).callsPerStep()).isEqualTo(0.5);
        // A trace written as an object with traceEvents reads the same.
        StepProfile.Report wrapped = StepProfile.summarise(Json.strict().readTree("{\"traceEvents\": " + trace + "}"), 2, Map.of(), 1.0);
        assertThat(wrapped.topLevelOpsPerStep()).isEqualTo(1.5);
    }
}
