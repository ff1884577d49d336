package org.ebgan4j.experiments.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

class GridSpecTest {

    @Test
    void theTable1GridsExpandTo512And6144Trials() throws Exception {
        assertThat(GridSpec.named("ebgan-table1").expand()).hasSize(512);
        assertThat(GridSpec.named("ebgan-pt-table1").expand()).hasSize(512);
        List<Trial> gans = GridSpec.named("gan-table1").expand();
        assertThat(gans).hasSize(6144);
        Map<String, Long> perSubGrid = gans.stream().collect(Collectors.groupingBy(t -> t.labels().get("optimizer"),
                LinkedHashMap::new, Collectors.counting()));
        assertThat(perSubGrid).hasSize(12).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(512L));
        assertThat(perSubGrid.keySet()).contains("adam-adam-0.001", "sgd-sgd-0.01", "adam-sgd-0.0001");
        Trial t = gans.get(0);
        assertThat(t.options()).containsEntry("model", "gan").containsEntry("optimD", "adam").containsEntry("layersG", 2)
                .containsEntry("holdOut", 1000);
        assertThat(gans.stream().map(Trial::id).distinct()).hasSize(6144);
    }

    @Test
    void idsDependOnTheOptionsAloneAndSeedsOnTheGridSeed() throws Exception {
        GridSpec grid = GridSpec.named("ebgan-table1");
        List<Trial> a = grid.expand();
        List<Trial> b = grid.withBase(Map.of("dataDir", "/somewhere/else")).expand();
        assertThat(b.stream().map(Trial::id).toList()).isEqualTo(a.stream().map(Trial::id).toList());
        assertThat(b.stream().map(Trial::seed).toList()).isEqualTo(a.stream().map(Trial::seed).toList());
        // The same options in another order give the same id; another value, another id.
        Map<String, Object> x = new LinkedHashMap<>(Map.of("model", "ebgan", "layersG", 3));
        x.put("sizeG", 800);
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("sizeG", 800.0);
        y.put("layersG", 3);
        y.put("model", "ebgan");
        assertThat(GridSpec.id(x)).isEqualTo(GridSpec.id(y)).startsWith("ebgan-").hasSize("ebgan-".length() + 12);
        y.put("sizeG", 1600);
        assertThat(GridSpec.id(y)).isNotEqualTo(GridSpec.id(x));
        // A budget changes what a trial is; another grid seed changes only the seeds.
        assertThat(grid.withBase(Map.of("epochs", 9)).expand().get(0).id()).isNotEqualTo(a.get(0).id());
        GridSpec reseeded = new GridSpec(grid.name(), 5, grid.base(), grid.axes(), grid.constraints(), grid.sample(), grid.scoring(),
                grid.retries());
        Trial r = reseeded.expand().get(0);
        assertThat(r.id()).isEqualTo(a.get(0).id());
        assertThat(r.seed()).isNotEqualTo(a.get(0).seed());
        Set<Long> seeds = new HashSet<>(a.stream().map(Trial::seed).toList());
        assertThat(seeds).hasSize(512);
        assertThat(a.get(0).options().get("seed")).isEqualTo(a.get(0).seed());
    }

    @Test
    void constraintsKeepOnlyTheTrialsThatMeetThem() throws Exception {
        GridSpec grid = GridSpec.named("ebgan-table1");
        GridSpec small = new GridSpec("small", 0, grid.base(), grid.axes(), List.of("layersG <= 4", "layersD <= 4"), null,
                grid.scoring(), 0);
        assertThat(small.expand()).hasSize(3 * 3 * 32).allSatisfy(t -> assertThat(t.number("layersG", 0)).isLessThanOrEqualTo(4));
        GridSpec wide = new GridSpec("wide", 0, grid.base(), grid.axes(), List.of("sizeG >= sizeD", "model == 'ebgan'"), null,
                grid.scoring(), 0);
        // sizeG in 400..3200 against sizeD in 128..1024: only (400, 512) and (400, 1024), (800, 1024) fail.
        assertThat(wide.expand()).hasSize(512 - 3 * 4 * 4 * 2);
        assertThat(new Constraint("model != 'gan'").test(Map.of("model", "ebgan"))).isTrue();
        assertThat(new Constraint("dropoutD > 0").test(Map.of())).isFalse();
        assertThatThrownBy(() -> new Constraint("layersG ~ 3")).hasMessageContaining("a constraint reads");
        assertThatThrownBy(() -> new Constraint("model < 'gan'").test(Map.of("model", "ebgan"))).hasMessageContaining("orders text");
    }

    @Test
    void theSampledGridTakesThreeArchitecturesFromEachDepthPairAndCrossesTheVariants() throws Exception {
        List<Trial> trials = GridSpec.named("table1-sample").expand();
        assertThat(trials).hasSize(48 * 4);
        Map<String, Long> perStratum = trials.stream().filter(t -> t.labels().get("variant").equals("ebgan"))
                .collect(Collectors.groupingBy(t -> t.labels().get("layersG") + "x" + t.labels().get("layersD"), Collectors.counting()));
        assertThat(perStratum).hasSize(16).allSatisfy((k, v) -> assertThat(v).isEqualTo(3L));
        Set<String> architectures = trials.stream().map(t -> t.labels().get("layersG") + t.labels().get("sizeG")
                + t.labels().get("layersD") + t.labels().get("sizeD") + t.labels().get("dropoutD")).collect(Collectors.toSet());
        assertThat(architectures).hasSize(48);
        assertThat(trials.stream().map(Trial::model).distinct()).containsExactlyInAnyOrder("ebgan", "ebgan-pt", "gan");
        // The same seed samples the same architectures.
        assertThat(GridSpec.named("table1-sample").expand().stream().map(Trial::id).toList())
                .isEqualTo(trials.stream().map(Trial::id).toList());
    }

    @Test
    void aGridFileIsReadStrictly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path file = tmp.resolve("mine.json");
        java.nio.file.Files.writeString(file, """
                {"name": "mine", "base": {"model": "ebgan", "dataset": "gaussians4", "steps": 10},
                 "axes": [{"name": "lr", "values": [0.001, 0.0005]}, {"name": "margin", "values": [1, 2, 3]}]}
                """);
        GridSpec g = GridSpec.read(file);
        assertThat(g.expand()).hasSize(6);
        assertThat(g.retries()).isEqualTo(GridSpec.DEFAULT_RETRIES);
        assertThat(g.scoring().samples()).isEqualTo(5000);
        java.nio.file.Files.writeString(file, "{\"name\": \"mine\", \"base\": {\"model\": \"gan\"}, \"axis\": []}");
        assertThatThrownBy(() -> GridSpec.read(file)).hasMessageContaining("axis");
        java.nio.file.Files.writeString(file, "{\"name\": \"mine\", \"axes\": [{\"name\": \"lr\", \"values\": [1]}]}");
        assertThatThrownBy(() -> GridSpec.read(file)).hasMessageContaining("names no model");
        assertThatThrownBy(() -> GridSpec.named("table2")).hasMessageContaining("unknown grid 'table2'");
        GridSpec twice = new GridSpec("twice", 0, Map.of("model", "ebgan"), List.of(new GridSpec.Axis("lr", List.of(0.1, 0.1))), null,
                null, null, null);
        assertThatThrownBy(twice::expand).hasMessageContaining("two trials with the same options");
    }
}
