package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ebgan serve} as a process: it answers, and SIGTERM stops it cleanly with exit code 0. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void theServiceAnswersAndStopsCleanlyOnSigterm() throws Exception {
        Path run = dir.resolve("run");
        assertThat(EbganCommand.execute("train", "--dataset", "gaussians4", "--max-samples", "2000", "--steps", "20",
                "--batch", "100", "--quiet", "--out", run.toString())).isZero();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"), EbganCommand.class.getName(),
                "serve", "--run", run.toString(), "--port", "0"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            URI base = null;
            Pattern banner = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+);");
            while (base == null) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                Matcher m = banner.matcher(line);
                if (m.find()) {
                    base = URI.create(m.group(1));
                }
            }
            assertThat(base).as("the service prints where it listens").isNotNull();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> energy = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/energy"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"rows\": [[0, 0], [5, 5]]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(energy.statusCode()).isEqualTo(200);
            assertThat(energy.body()).startsWith("{\"energies\":[");

            // SIGTERM by kill(1): Process.destroy would also close the pipe that the last lines come through.
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            StringBuilder rest = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(p.exitValue()).as(rest.toString()).isZero();
            assertThat(rest).contains("stopped after 1 answered and 0 refused requests");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aMissingRunOrBadPortIsBadInput() {
        assertThat(EbganCommand.execute("serve", "--run", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(EbganCommand.execute("serve", "--run", dir.toString(), "--port", "70000")).isEqualTo(2);
    }
}
