package org.ebgan4j.experiments.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebgan4j.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

class GridStoreTest {

    static GridSpec grid(int retries) {
        return new GridSpec("store-test", 0, Map.<String, Object>of("model", "ebgan", "dataset", "gaussians4", "steps", 5),
                List.of(new GridSpec.Axis("lr", List.of(0.001, 0.0005, 0.0002))), List.of(), null, null, retries);
    }

    static TrialResult result(Trial t, TrialResult.Status status, int attempt, Double score) {
        return new TrialResult(t.id(), status, attempt, status == TrialResult.Status.DONE ? null : "why", t.labels(), t.options(), score,
                score == null ? null : Math.exp(score), null, 5L, 1.0, 0.5, 0.1, 0.2, 2.0, 1.0, "test/1", "now",
                Map.of("layersG", 3));
    }

    @Test
    void finishedTrialsAreSkippedAndFailedOnesRetriedUpToTheLimit(@TempDir Path tmp) throws Exception {
        GridStore store = GridStore.open(tmp.resolve("s"), grid(1));
        List<Trial> trials = store.spec().expand();
        assertThat(store.pending(trials)).hasSize(3);
        assertThat(store.record(result(trials.get(0), TrialResult.Status.DONE, 1, 1.5))).isTrue();
        assertThat(store.record(result(trials.get(1), TrialResult.Status.DIVERGED, 1, 0.2))).isTrue();
        assertThat(store.record(result(trials.get(2), TrialResult.Status.FAILED, 1, null))).isTrue();
        // Scored trials are finished; the failed one has a retry left.
        assertThat(store.pending(trials)).containsExactly(trials.get(2));
        assertThat(store.nextAttempt(trials.get(2).id())).isEqualTo(2);
        assertThat(store.record(result(trials.get(2), TrialResult.Status.FAILED, 2, null))).isTrue();
        assertThat(store.pending(trials)).isEmpty();
        assertThat(store.counts(trials)).containsEntry("done", 1).containsEntry("diverged", 1).containsEntry("failed", 1)
                .containsEntry("pending", 0);
        // Never twice: a second scored result of a trial, or the same attempt again, is refused.
        assertThat(store.record(result(trials.get(0), TrialResult.Status.DONE, 2, 1.7))).isFalse();
        assertThat(store.record(result(trials.get(2), TrialResult.Status.FAILED, 2, null))).isFalse();
        assertThat(Files.readAllLines(store.resultsLog())).hasSize(4);
        assertThat(store.latest().get(trials.get(0).id()).inceptionScore()).isEqualTo(1.5);
    }

    @Test
    void aTornLineIsIgnoredAndAResultNotYetLoggedIsRecovered(@TempDir Path tmp) throws Exception {
        GridStore store = GridStore.open(tmp.resolve("s"), grid(2));
        List<Trial> trials = store.spec().expand();
        store.record(result(trials.get(0), TrialResult.Status.DONE, 1, 1.0));
        // A runner killed mid-append leaves half a line; one killed between result.json and the log leaves the file only.
        Files.writeString(store.resultsLog(), "{\"id\":\"ebgan-", StandardOpenOption.APPEND);
        Files.createDirectories(store.trialDir(trials.get(1).id()));
        Files.writeString(store.resultFile(trials.get(1).id()), Json.mapper().writeValueAsString(
                result(trials.get(1), TrialResult.Status.DONE, 1, 0.7)));
        assertThat(store.results()).extracting(TrialResult::id).containsExactly(trials.get(0).id(), trials.get(1).id());
        assertThat(store.pending(trials)).containsExactly(trials.get(2));
        // Recovered once: reading again does not log it again.
        assertThat(store.results()).hasSize(2);
    }

    @Test
    void aClaimIsExclusiveUntilItsProcessIsGone(@TempDir Path tmp) throws Exception {
        GridStore store = GridStore.open(tmp.resolve("s"), grid(0));
        String id = store.spec().expand().get(0).id();
        assertThat(store.claim(id)).isPresent();
        assertThat(store.claim(id)).as("held by a live process, this one").isEmpty();
        store.release(id);
        assertThat(store.claim(id)).isPresent();
        // A claim of a process that no longer runs, on this host, is stale and taken over.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(store.trialDir(id).resolve("claim"), Json.mapper().writeValueAsString(
                new GridStore.Claim(GridStore.host(), gone.pid(), "then", "")));
        assertThat(store.claim(id)).isPresent();
        assertThat(Files.list(store.trialDir(id)).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("claim.stale")))
                .hasSize(1);
        // A live process of the same id that started at another time is another process: the pid was reused.
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(store.trialDir(id).resolve("claim"), Json.mapper().writeValueAsString(
                new GridStore.Claim(GridStore.host(), self.pid(), "then", "1970-01-01T00:00:00Z")));
        assertThat(store.claim(id)).isPresent();
        // Another host's claim holds for its lease, and this process may neither renew nor release it.
        Files.writeString(store.trialDir(id).resolve("claim"), Json.mapper().writeValueAsString(
                new GridStore.Claim("another-host", 1, "now", "")));
        assertThat(store.claim(id)).isEmpty();
        assertThat(store.renew(id)).isFalse();
        store.release(id);
        assertThat(store.trialDir(id).resolve("claim")).exists();
        // Once the lease has run out, it is stale.
        Files.setLastModifiedTime(store.trialDir(id).resolve("claim"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(GridStore.LEASE).minusSeconds(1)));
        assertThat(store.claim(id)).isPresent();
        assertThat(store.renew(id)).isTrue();
    }

    @Test
    void aTrialWhoseProcessDiedWithoutAResultCountsAsAFailedAttempt(@TempDir Path tmp) throws Exception {
        GridStore store = GridStore.open(tmp.resolve("s"), grid(1));
        Trial t = store.spec().expand().get(0);
        LocalGridRunner.recordCrash(store, t.id(), 137, tmp.resolve("log.txt"));
        TrialResult r = store.latest().get(t.id());
        assertThat(r.status()).isEqualTo(TrialResult.Status.FAILED);
        assertThat(r.attempt()).isEqualTo(1);
        assertThat(r.reason()).contains("exited with code 137");
        // A process stopped because another runner took its trial over is not a failure of the trial.
        Trial other = store.spec().expand().get(1);
        LocalGridRunner.recordCrash(store, other.id(), org.ebgan4j.experiments.Worker.TAKEN_OVER, tmp.resolve("log.txt"));
        assertThat(store.latest()).doesNotContainKey(other.id());
    }

    @Test
    void aStoreHoldsOneGrid(@TempDir Path tmp) throws Exception {
        GridStore.open(tmp.resolve("s"), grid(0));
        assertThat(GridStore.open(tmp.resolve("s"), grid(0)).spec().name()).isEqualTo("store-test");
        // The same trials with their data elsewhere: the store follows, since its workers read the grid from it.
        GridStore.open(tmp.resolve("s"), grid(0).withDataDir(tmp.resolve("data")));
        assertThat(GridStore.existing(tmp.resolve("s")).spec().base()).containsEntry("dataDir", tmp.resolve("data").toString());
        assertThatThrownBy(() -> GridStore.open(tmp.resolve("s"), grid(3))).hasMessageContaining("with other settings");
        GridSpec other = new GridSpec("store-test", 0, Map.<String, Object>of("model", "gan", "dataset", "gaussians4", "steps", 5),
                List.of(new GridSpec.Axis("lr", List.of(0.001))), List.of(), null, null, 0);
        assertThatThrownBy(() -> GridStore.open(tmp.resolve("s"), other)).hasMessageContaining("holds the results of another grid");
        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/notes.txt"), "mine");
        assertThatThrownBy(() -> GridStore.open(tmp.resolve("busy"), grid(0))).hasMessageContaining("is not empty and holds no grid");
        assertThatThrownBy(() -> GridStore.existing(tmp.resolve("none"))).hasMessageContaining("holds no grid");
    }
}
