package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class GaussianMixture2DTest {

    private static double integrate(GaussianMixture2D m, double lo, double hi, int n) {
        double h = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum += m.density(lo + (i + 0.5) * h, lo + (j + 0.5) * h);
            }
        }
        return sum * h * h;
    }

    private static GaussianMixture2D.Component comp(double w, double x, double y, double[][] cov) {
        return new GaussianMixture2D.Component(w, new double[] {x, y}, cov);
    }

    @Test
    void presetDensitiesIntegrateToOne() {
        assertThat(integrate(MixturePresets.gaussians4(), -30, 30, 600)).isCloseTo(1.0, within(1e-3));
        assertThat(integrate(MixturePresets.biased2(), -20, 20, 400)).isCloseTo(1.0, within(1e-3));
        assertThat(integrate(MixturePresets.spirals(), -15, 15, 600)).isCloseTo(1.0, within(1e-3));
        GaussianMixture2D tilted = new GaussianMixture2D("tilted", 5, List.of(
                comp(1, 1, 0, new double[][] {{2, -1.3}, {-1.3, 1}}), comp(2, -1, 1, new double[][] {{0.5, 0.2}, {0.2, 0.3}})));
        assertThat(integrate(tilted, -12, 12, 600)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void densityOfOneGaussianMatchesTheFormula() {
        GaussianMixture2D g = new GaussianMixture2D("one", 1, List.of(comp(2, 1, -1, new double[][] {{2, 0.5}, {0.5, 1}})));
        // det = 1.75; at the mean: 1 / (2 pi sqrt(1.75)).
        assertThat(g.density(1, -1)).isCloseTo(1 / (2 * Math.PI * Math.sqrt(1.75)), within(1e-12));
        // At (2, -1): dx = (1, 0), quadratic form = cov^-1[0][0] = 1 / 1.75.
        assertThat(g.density(2, -1)).isCloseTo(Math.exp(-0.5 / 1.75) / (2 * Math.PI * Math.sqrt(1.75)), within(1e-12));
        assertThat(g.components().get(0).weight()).isEqualTo(1.0);
    }

    @Test
    void logDensityIsTheLogOfTheDensityAndStaysFiniteInTheTails() {
        GaussianMixture2D m = MixturePresets.gaussians4();
        assertThat(m.logDensity(3, -2)).isCloseTo(Math.log(m.density(3, -2)), within(1e-12));
        assertThat(m.density(500, 500)).isZero();
        // The widest component in y, (-,+) with variances 5.56 and 9.23, dominates there by a factor
        // of exp(-4000) over the next; log w = log 0.25.
        double dx = 500 + 7.659;
        double dy = 500 - 7.659;
        double expected = Math.log(0.25) - Math.log(2 * Math.PI) - 0.5 * Math.log(5.56 * 9.23)
                - 0.5 * (dx * dx / 5.56 + dy * dy / 9.23);
        assertThat(m.logDensity(500, 500)).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }

    @Test
    void analyticMomentsOfBiased2() {
        GaussianMixture2D m = MixturePresets.biased2();
        double mean = -0.8 * 3.488;
        assertThat(m.mean()).containsExactly(new double[] {mean, mean}, within(1e-12));
        // Var = 5 + E[mu^2] - E[mu]^2 on the diagonal; the means move together, so the same off it.
        double spread = 3.488 * 3.488 - mean * mean;
        assertThat(m.covariance()[0]).containsExactly(new double[] {5 + spread, spread}, within(1e-12));
    }

    @Test
    void sampleMomentsMatchTheAnalyticOnesForEveryPreset() {
        for (GaussianMixture2D m : List.of(MixturePresets.gaussians4(), MixturePresets.biased2(), MixturePresets.spirals())) {
            int n = 100_000;
            float[] xy = m.sample(n, 17);
            double[] s = new double[5];
            for (int i = 0; i < n; i++) {
                double x = xy[2 * i];
                double y = xy[2 * i + 1];
                s[0] += x;
                s[1] += y;
                s[2] += x * x;
                s[3] += x * y;
                s[4] += y * y;
            }
            double mx = s[0] / n;
            double my = s[1] / n;
            double[][] cov = m.covariance();
            double tol = 0.02 * Math.max(cov[0][0], cov[1][1]);
            assertThat(mx).as("%s mean x", m.name()).isCloseTo(m.mean()[0], within(tol));
            assertThat(my).as("%s mean y", m.name()).isCloseTo(m.mean()[1], within(tol));
            assertThat(s[2] / n - mx * mx).as("%s var x", m.name()).isCloseTo(cov[0][0], within(tol));
            assertThat(s[3] / n - mx * my).as("%s cov xy", m.name()).isCloseTo(cov[0][1], within(tol));
            assertThat(s[4] / n - my * my).as("%s var y", m.name()).isCloseTo(cov[1][1], within(tol));
        }
    }

    @Test
    void biased2DrawsNinetyPercentFromTheLowerLeftComponent() {
        float[] xy = MixturePresets.biased2().sample(100_000, 11);
        int positive = 0;
        for (int i = 0; i < xy.length; i += 2) {
            if (xy[i] + xy[i + 1] > 0) {
                positive++;
            }
        }
        // Along (1, 1) the components sit at +-4.933 with sd 2.236, so Phi(-2.206) = 0.01369 of each
        // lands on the other side: 0.1 + 0.8 * 0.01369 = 0.1110 of the points have x + y > 0.
        assertThat(positive / 100_000.0).isCloseTo(0.1110, within(0.003));
    }

    @Test
    void correlatedCovarianceIsReproduced() {
        GaussianMixture2D g = new GaussianMixture2D("c", 1, List.of(comp(1, 0, 0, new double[][] {{4, 1.2}, {1.2, 1}})));
        float[] xy = g.sample(200_000, 3);
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < xy.length; i += 2) {
            sxy += xy[i] * xy[i + 1];
            syy += xy[i + 1] * xy[i + 1];
        }
        assertThat(sxy / (xy.length / 2)).isCloseTo(1.2, within(0.03));
        assertThat(syy / (xy.length / 2)).isCloseTo(1.0, within(0.02));
    }

    @Test
    void sameSeedSameSamplesAndScaledDataset() {
        GaussianMixture2D m = MixturePresets.gaussians4();
        assertThat(m.sample(100, 5)).containsExactly(m.sample(100, 5));
        assertThat(m.sample(100, 5)).isNotEqualTo(m.sample(100, 6));
        TensorDataset ds = m.toDataset(100, 5);
        assertThat(ds.name()).isEqualTo("gaussians4");
        assertThat(ds.scale()).isEqualTo(20);
        assertThat(ds.offset()).isZero();
        assertThat(ds.toRaw(ds.data())).containsExactly(m.sample(100, 5), within(1e-5f));
        assertThat(m.toDataset(10, 5, "mine").name()).isEqualTo("mine");
    }

    @Test
    void presetScalesKeepAlmostAllSamplesInTheUnitSquare() {
        for (GaussianMixture2D m : List.of(MixturePresets.gaussians4(), MixturePresets.biased2(), MixturePresets.spirals())) {
            float[] v = m.toDataset(50_000, 2).data();
            int outside = 0;
            for (int i = 0; i < v.length; i += 2) {
                if (Math.abs(v[i]) > 1 || Math.abs(v[i + 1]) > 1) {
                    outside++;
                }
            }
            assertThat(outside / 50_000.0).as(m.name()).isLessThan(0.005);
        }
        assertThat(GaussianMixture2D.boundingScale(MixturePresets.biased2().components())).isEqualTo(11);
    }

    @Test
    void jsonRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        for (GaussianMixture2D m : List.of(MixturePresets.biased2(), MixturePresets.gaussians4())) {
            m.save(file);
            GaussianMixture2D back = GaussianMixture2D.fromJson(file);
            assertThat(back.name()).isEqualTo(m.name());
            assertThat(back.scale()).isEqualTo(m.scale());
            assertThat(back.density(1, 2)).isEqualTo(m.density(1, 2));
            assertThat(back.sample(50, 3)).containsExactly(m.sample(50, 3));
        }
        assertThat(Datasets.load(file.toString(), null, 10, 0).size()).isEqualTo(10);
    }

    @Test
    void userJsonWeightsSummingToOneAreKeptAndAMissingScaleIsComputed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ring.json");
        Files.writeString(file, """
                {"components": [
                  {"weight": 0.2, "mean": [4, 0], "cov": [[1, 0.5], [0.5, 1]]},
                  {"weight": 0.6, "mean": [-4, 0], "cov": [[4, 0], [0, 1]]},
                  {"weight": 0.2, "mean": [0, 0], "cov": [[1, 0], [0, 1]]}
                ]}""");
        GaussianMixture2D m = GaussianMixture2D.fromJson(file);
        assertThat(m.name()).isEqualTo("ring");
        assertThat(m.components()).extracting(GaussianMixture2D.Component::weight).containsExactly(0.2, 0.6, 0.2);
        // |-4| + 3 * sqrt(4) = 10.
        assertThat(m.scale()).isEqualTo(10);
    }

    @Test
    void componentsWithoutWeightsWeighTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.json");
        Files.writeString(file, "{\"components\": [{\"mean\": [1, 0], \"cov\": [[1, 0], [0, 1]]}, "
                + "{\"mean\": [-1, 0], \"cov\": [[1, 0], [0, 1]]}]}");
        assertThat(GaussianMixture2D.fromJson(file).components()).extracting(GaussianMixture2D.Component::weight)
                .containsExactly(0.5, 0.5);
    }

    @Test
    void weightsWithinTheToleranceOfOneAreAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.json");
        Files.writeString(file, "{\"components\": [{\"weight\": 0.3333, \"mean\": [1, 0], \"cov\": [[1, 0], [0, 1]]}, "
                + "{\"weight\": 0.6666, \"mean\": [-1, 0], \"cov\": [[1, 0], [0, 1]]}]}");
        assertThat(GaussianMixture2D.fromJson(file).components().get(0).weight()).isCloseTo(1 / 3.0, within(1e-3));
        Files.writeString(file, "{\"components\": [{\"weight\": 0.33, \"mean\": [1, 0], \"cov\": [[1, 0], [0, 1]]}, "
                + "{\"weight\": 0.66, \"mean\": [-1, 0], \"cov\": [[1, 0], [0, 1]]}]}");
        assertThatThrownBy(() -> GaussianMixture2D.fromJson(file)).hasMessageContaining("the weights sum to 0.99, not 1");
    }

    @Test
    void presetsPassTheFileChecksOnTheWayBack(@TempDir Path dir) throws Exception {
        // What save writes is what fromJson accepts: known keys, weights summing to 1, a sensible scale.
        Path file = dir.resolve("s.json");
        MixturePresets.spirals().save(file);
        assertThat(GaussianMixture2D.fromJson(file).components()).hasSize(2 * MixturePresets.SPIRAL_COMPONENTS);
    }

    @Test
    void badJsonGetsOneLineErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        String ok = "\"mean\":[0,0],\"cov\":[[1,0],[0,1]]";
        String[][] cases = {
            {"{\"scale\":1,\"components\":[{\"weight\":1,\"mean\":[0,0],\"cov\":[[1,2],[2,1]]}]}", "component 0 has a covariance that is not positive definite"},
            {"{\"scale\":1,\"components\":[{\"weight\":1,\"mean\":[0,0],\"cov\":[[1,0.3],[0,1]]}]}", "not symmetric"},
            {"{\"scale\":1,\"components\":[{\"weight\":2," + ok + "},{\"weight\":-1," + ok + "}]}", "component 1 has weight -1.0; weights must be positive"},
            {"{\"scale\":1,\"components\":[{\"weight\":0.5," + ok + "},{\"weight\":1," + ok + "}]}", "the weights sum to 1.5, not 1"},
            {"{\"scale\":1,\"components\":[{\"weight\":0.5," + ok + "},{" + ok + "}]}", "component 1 has no \"weight\""},
            {"{\"scale\":1,\"components\":[{\"wieght\":1," + ok + "}]}", "unknown key \"wieght\"; did you mean \"weight\""},
            {"{\"scael\":1,\"components\":[{" + ok + "}]}", "unknown key \"scael\"; did you mean \"scale\""},
            {"{\"scale\":1,\"components\":[{\"weight\":1,\"weight\":1," + ok + "}]}", "Duplicate field 'weight'"},
            {"{\"scale\":1,\"components\":[{\"weight\":\"1\"," + ok + "}]}", "\"weight\" must be a number, got the string \"1\""},
            {"{\"scale\":1,\"components\":[{\"mean\":[1e39,0],\"cov\":[[1,0],[0,1]]}]}", "the mean [1.0E39, 0.0], beyond +-1e6"},
            {"{\"scale\":1,\"components\":[{\"mean\":[0,0],\"cov\":[[1e400,0],[0,1]]}]}", "has the cov [[Infinity, 0.0], [0.0, 1.0]]"},
            {"{\"components\":[{\"mean\":[1e400,0],\"cov\":[[1,0],[0,1]]}]}", "the mean [Infinity, 0.0], which is not finite"},
            {"{\"scale\":1e-9,\"components\":[{" + ok + "}]}", "\"scale\" 1.0E-9 puts the mixture's points up to 3.00e+09"},
            {"{\"name\":7,\"components\":[{" + ok + "}]}", "\"name\" must be a non-empty string, got 7"},
            {"{\"components\":[3]}", "component 0 must be an object"},
            {"{\"components\":[{" + ok + "}]} []", "trailing token"},
            {"{\"scale\":1,\"components\":[{\"mean\":[0],\"cov\":[[1,0],[0,1]]}]}", "\"mean\" must be two numbers"},
            {"{\"scale\":1,\"components\":[{\"mean\":[0,0],\"cov\":[1,0,0,1]}]}", "\"cov\" must be a 2x2 matrix"},
            {"{\"scale\":-2,\"components\":[{" + ok + "}]}", "needs a positive scale, got -2.0"},
            {"{\"scale\":\"big\",\"components\":[{" + ok + "}]}", "\"scale\" must be a number"},
            {"{\"components\":[]}", "needs a non-empty \"components\" array"},
            {"[1, 2]", "must hold one JSON object"},
            {"{\"components\": [", "is not valid JSON"},
        };
        for (String[] c : cases) {
            Files.writeString(file, c[0]);
            assertThatThrownBy(() -> GaussianMixture2D.fromJson(file)).as(c[0])
                    .isInstanceOf(DatasetException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> GaussianMixture2D.fromJson(dir.resolve("absent.json")))
                .hasMessageContaining("absent.json does not exist; write one like");
    }

    @Test
    void theAuthorsSpiralsHaveFiftyComponentsASpiralFrom120To480Degrees() {
        GaussianMixture2D m = Datasets.mixture("spirals-authors");
        assertThat(m.components()).hasSize(100);
        assertThat(MixturePresets.spirals().components()).hasSize(200);
        // First centre at t = 120 degrees = 2.0944 rad: (-t cos t, t sin t) = (1.0472, 1.8138); the 50th at 480 degrees.
        double t0 = Math.toRadians(120);
        double t1 = Math.toRadians(480);
        assertThat(m.components().get(0).mean()).containsExactly(new double[] {t0 / 2, t0 * Math.sqrt(3) / 2}, within(1e-9));
        assertThat(m.components().get(49).mean()).containsExactly(new double[] {t1 / 2, t1 * Math.sqrt(3) / 2}, within(1e-9));
        // The second spiral is the first turned by 180 degrees; equal weights, standard deviation 0.45.
        assertThat(m.components().get(50).mean()).containsExactly(new double[] {-t0 / 2, -t0 * Math.sqrt(3) / 2}, within(1e-9));
        assertThat(m.components().get(7).weight()).isCloseTo(0.01, within(1e-12));
        assertThat(m.components().get(7).cov()[0][0]).isCloseTo(0.2025, within(1e-12));
    }
}
