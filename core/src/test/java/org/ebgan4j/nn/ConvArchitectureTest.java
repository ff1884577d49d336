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
