package org.ebgan4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class ConvArchitectureTest {

    @Test
    void presetsFitTheirImages() {
        assertThat(ConvArchitecture.presetNames()).contains("digits28", "cifar32", "dcgan64", "began64", "ebgan-imagenet128",
                "ebgan-imagenet256");
        for (String name : ConvArchitecture.presetNames()) {
            ConvArchitecture a = ConvArchitecture.preset(name);
            assertThat(a.dataSize()).as(name).isEqualTo(a.channels() * a.side() * a.side());
        }
        assertThat(ConvArchitecture.preset("dcgan64").noiseSize()).isEqualTo(100);
    }

    @Test
    void noisePlanesAtEveryLayerAddUpAsInTheEbganPaper() {
        // 100 + 64 planes at 4x4 + 32 at 8x8 + 16 at 16x16 + 8 at 32x32 + 4 at 64x64.
        assertThat(ConvArchitecture.preset("ebgan-imagenet128").noiseSize())
                .isEqualTo(100 + 64 * 16 + 32 * 64 + 16 * 256 + 8 * 1024 + 4 * 4096);
        assertThat(ConvArchitecture.preset("ebgan-imagenet256").noiseSize())
                .isEqualTo(100 + 64 * 16 + 32 * 64 + 16 * 256 + 8 * 1024 + 4 * 4096 + 2 * 128 * 128);
    }

    /** Trainable values of one layer: weights, one bias per map, and batch normalisation's scale and shift when on. */
    private static long layer(long in, long out, long k, boolean batchNorm) {
        return in * out * k * k + out + (batchNorm ? 2 * out : 0);
    }

    private static List<Long> sides(String layers, long side) {
        List<Long> sides = new java.util.ArrayList<>();
        for (ConvLayer l : ConvLayer.parseList(layers)) {
            side = l.outputSide(side);
            sides.add(side);
        }
        return sides;
    }

    @Test
    void theEbganPapersImagenetNetworksAreAsPrinted() {
        // Section 4.4: G (1024)4c-(512)4c2s-(256)4c2s-(128)4c2s-(64)4c2s-(64)4c2s-(3)3c, noise planes 100-64-32-16-8-4.
        ConvArchitecture a = ConvArchitecture.preset("ebgan-imagenet128");
        assertThat(ConvLayer.parseList(a.generator())).extracting(ConvLayer::filters).containsExactly(1024, 512, 256, 128, 64, 64, 3);
        assertThat(sides(a.generator(), 1)).containsExactly(4L, 8L, 16L, 32L, 64L, 128L, 128L);
        assertThat(sides(a.encoder(), 128)).containsExactly(64L, 32L, 16L, 8L);
        assertThat(sides(a.decoder(), 8)).containsExactly(16L, 32L, 64L, 128L);
        ArchitectureSummary s = ArchitectureSummary.of(a, true);
        // Each layer's input maps include the noise planes concatenated to it; the last layer has no batch norm.
        assertThat(s.parameters("generator")).isEqualTo(layer(100, 1024, 4, true) + layer(1024 + 64, 512, 4, true)
                + layer(512 + 32, 256, 4, true) + layer(256 + 16, 128, 4, true) + layer(128 + 8, 64, 4, true)
                + layer(64 + 4, 64, 4, true) + layer(64, 3, 3, false)).isEqualTo(13_553_347L);
        // The encoder's first layer has no batch norm, as in DCGAN; the decoder's last neither.
        long encoder = layer(3, 64, 4, false) + layer(64, 128, 4, true) + layer(128, 256, 4, true) + layer(256, 512, 4, true);
        long decoder = layer(512, 256, 4, true) + layer(256, 128, 4, true) + layer(128, 64, 4, true) + layer(64, 3, 4, false);
        assertThat(s.parameters("encoder")).isEqualTo(encoder).isEqualTo(2_758_336L);
        assertThat(s.parameters("decoder")).isEqualTo(decoder).isEqualTo(2_756_931L);

        // 256x256: G (2048)4c-(1024)4c2s-...-(64)4c2s-(3)3c with planes 100-64-32-16-8-4-2; encoder and decoder as for 128x128.
        ConvArchitecture b = ConvArchitecture.preset("ebgan-imagenet256");
        assertThat(ConvLayer.parseList(b.generator())).extracting(ConvLayer::filters)
                .containsExactly(2048, 1024, 512, 256, 128, 64, 64, 3);
        assertThat(sides(b.generator(), 1)).containsExactly(4L, 8L, 16L, 32L, 64L, 128L, 256L, 256L);
        assertThat(sides(b.encoder(), 256)).containsExactly(128L, 64L, 32L, 16L);
        assertThat(b.encoder()).isEqualTo(a.encoder());
        assertThat(b.decoder()).isEqualTo(a.decoder());
        ArchitectureSummary t = ArchitectureSummary.of(b, true);
        assertThat(t.parameters("generator")).isEqualTo(layer(100, 2048, 4, true) + layer(2048 + 64, 1024, 4, true)
                + layer(1024 + 32, 512, 4, true) + layer(512 + 16, 256, 4, true) + layer(256 + 8, 128, 4, true)
                + layer(128 + 4, 64, 4, true) + layer(64 + 2, 64, 4, true) + layer(64, 3, 3, false)).isEqualTo(49_450_691L);
        assertThat(t.parameters("encoder")).isEqualTo(encoder);
        assertThat(a.provenance()).isEqualTo("EBGAN paper 4.4, exactly");
        assertThat(ConvArchitecture.preset("digits28").provenance()).startsWith("ours");
    }

    @Test
    void theCalibratedPapersDigitModelIsAsPrinted() {
        // Appendix B.1: G FC(10,512*7*7)-BN-ReLU-DC(512,256;4c2s)-BN-ReLU-DC(256,128;4c2s)-BN-ReLU-DC(128,1;3c1s);
        // D CV(1,64;3c1s)-BN-LRec-CV(64,128;4c2s)-BN-LRec-CV(128,256;4c2s)-BN-LRec-FC(256*7*7,1): batch norm on the first D layer too.
        ConvArchitecture a = ConvArchitecture.preset("cegan-digits28");
        assertThat(a.noiseSize()).isEqualTo(10);
        assertThat(sides(a.generator(), 1)).containsExactly(7L, 14L, 28L, 28L);
        assertThat(sides(a.critic(), 28)).containsExactly(28L, 14L, 7L);
        assertThat(a.style()).isEqualTo(LayerStyle.CALIBRATED);
        ArchitectureSummary s = ArchitectureSummary.of(a, true);
        assertThat(s.parameters("generator")).isEqualTo(layer(10, 512, 7, true) + layer(512, 256, 4, true) + layer(256, 128, 4, true)
                + layer(128, 1, 3, false)).isEqualTo(2_876_161L);
        assertThat(s.parameters("critic")).isEqualTo(layer(1, 64, 3, true) + layer(64, 128, 4, true) + layer(128, 256, 4, true)
                + 256 * 7 * 7 + 1).isEqualTo(669_825L);
        // Without batch norm the first D layer loses its 2 x 64 like the others.
        assertThat(ArchitectureSummary.of(a, false).parameters("critic")).isEqualTo(669_825L - 2 * (64 + 128 + 256));
    }

    @Test
    void theCalibratedPapersCifarModelIsTheAuthorsCode() {
        ConvArchitecture a = ConvArchitecture.preset("cegan-cifar32");
        assertThat(sides(a.generator(), 1)).containsExactly(4L, 8L, 16L, 32L, 32L);
        assertThat(ConvLayer.parseList(a.generator())).extracting(ConvLayer::filters).containsExactly(512, 512, 256, 128, 3);
        assertThat(sides(a.critic(), 32)).containsExactly(32L, 16L, 8L, 4L);
        assertThat(sides(a.decoder(), 4)).containsExactly(8L, 16L, 32L, 32L);
        ArchitectureSummary s = ArchitectureSummary.of(a, true);
        assertThat(s.parameters("generator")).isEqualTo(layer(100, 512, 4, true) + layer(512, 512, 4, true) + layer(512, 256, 4, true)
                + layer(256, 128, 4, true) + layer(128, 3, 3, false)).isEqualTo(7_642_627L);
        assertThat(s.parameters("critic")).isEqualTo(layer(3, 64, 3, true) + layer(64, 128, 4, true) + layer(128, 256, 4, true)
                + layer(256, 256, 4, true) + 256 * 4 * 4 + 1).isEqualTo(1_711_873L);
    }

    @Test
    void begansNetworkIsAsPrinted() {
        // Two 3x3 ELU convolutions per scale, stride-2 between scales, a linear 64-value embedding; the generator and
        // decoder: FC 64 -> 8x8x64, two convolutions per scale with nearest-neighbour upsampling, no batch norm anywhere.
        ConvArchitecture a = ConvArchitecture.preset("began-celeba64");
        assertThat(sides(a.encoder(), 64)).containsExactly(64L, 64L, 64L, 32L, 32L, 32L, 16L, 16L, 16L, 8L, 8L, 8L, 1L);
        assertThat(sides(a.generator(), 1)).containsExactly(8L, 8L, 8L, 16L, 16L, 32L, 32L, 64L, 64L, 64L);
        assertThat(a.decoder()).isEqualTo(a.generator());
        assertThat(a.style()).isEqualTo(LayerStyle.BEGAN);
        long generator = layer(64, 64, 8, false) + 8 * layer(64, 64, 3, false) + layer(64, 3, 3, false);
        long encoder = layer(3, 64, 3, false) + 3 * layer(64, 64, 3, false) + layer(64, 128, 3, false) + 2 * layer(128, 128, 3, false)
                + layer(128, 192, 3, false) + 2 * layer(192, 192, 3, false) + layer(192, 256, 3, false) + layer(256, 256, 3, false)
                + layer(256, 64, 8, false);
        // Asked for batch norm or not, BEGAN's design has none.
        for (boolean batchNorm : new boolean[] {true, false}) {
            ArchitectureSummary s = ArchitectureSummary.of(a, batchNorm);
            assertThat(s.parameters("generator")).isEqualTo(generator).isEqualTo(559_363L);
            assertThat(s.parameters("decoder")).isEqualTo(generator);
            assertThat(s.parameters("encoder")).isEqualTo(encoder).isEqualTo(3_448_256L);
        }
        LayerStyle st = a.style();
        assertThat(st.activatesDown(12, 13)).as("the embedding is linear").isFalse();
        assertThat(st.activatesDown(11, 13)).isTrue();
        assertThat(st.activatesUp(0, 10)).as("so is the layer that maps it back").isFalse();
        assertThat(st.activatesUp(1, 10)).isTrue();
        assertThat(LayerStyle.DCGAN.activatesUp(0, 10)).isTrue();
    }

    @Test
    void aStyleRoundTripsThroughJsonAndDcgansIsLeftOut() throws Exception {
        ConvArchitecture began = ConvArchitecture.preset("began-celeba64");
        String json = org.ebgan4j.io.Json.strict().writeValueAsString(began);
        assertThat(json).contains("\"style\"").contains("ELU");
        assertThat(org.ebgan4j.io.Json.strict().readValue(json, ConvArchitecture.class)).isEqualTo(began);
        assertThat(org.ebgan4j.io.Json.strict().writeValueAsString(ConvArchitecture.preset("dcgan64"))).doesNotContain("style");
    }

    @Test
    void mismatchedLayersAreRejectedWithTheShapes() {
        assertThatThrownBy(() -> new ConvArchitecture("custom", 1, 28, List.of(100), "(128)7t1s0p-(1)4t2s", "(64)4c2s",
                "(1)4t2s", "(64)4c2s"))
                .hasMessageContaining("the generator ends in 1x14x14, not the 1x28x28 images");
        assertThatThrownBy(() -> new ConvArchitecture("custom", 3, 32, List.of(100), "(512)4t1s0p-(256)4t2s-(128)4t2s-(3)4t2s",
                "(64)4c2s", "(1)4t2s", "(64)4c2s"))
                .hasMessageContaining("the decoder ends in 1x32x32, not the 3x32x32 images");
        assertThatThrownBy(() -> ConvArchitecture.preset("vgg")).hasMessageContaining("unknown architecture 'vgg'; presets: digits28");
    }

    @Test
    void channelsCanBeChanged() {
        ConvArchitecture grey = ConvArchitecture.preset("cifar32").withChannels(1);
        assertThat(grey.dataSize()).isEqualTo(32 * 32);
        assertThat(grey.generator()).endsWith("(1)4t2s1p");
    }
}
