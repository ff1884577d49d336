package org.ebgan4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class ConvLayerTest {

    @Test
    void readsThePapersNotationWithItsDefaultPaddings() {
        ConvLayer c = ConvLayer.parse("(64)4c2s");
        assertThat(c).isEqualTo(new ConvLayer(ConvLayer.Kind.CONV, 64, 4, 2, 1));
        assertThat(c.outputSide(64)).isEqualTo(32);
        assertThat(ConvLayer.parse("(32)3c1s").outputSide(28)).isEqualTo(28);
        ConvLayer t = ConvLayer.parse("(128)4t2s");
        assertThat(t.padding()).isEqualTo(1);
        assertThat(t.outputSide(8)).isEqualTo(16);
        assertThat(ConvLayer.parse("(512)4t1s0p").outputSide(1)).isEqualTo(4);
        assertThat(ConvLayer.parse("(1024)7c1s0p").outputSide(7)).isEqualTo(1);
        ConvLayer u = ConvLayer.parse(" (64)3U2S ");
        assertThat(u.kind()).isEqualTo(ConvLayer.Kind.UPSAMPLE);
        assertThat(u.outputSide(16)).isEqualTo(32);
    }

    @Test
    void listsRoundTripThroughTheNotation() {
        List<ConvLayer> layers = ConvLayer.parseList("(64)4c2s-(128)4c2s-(256)4t2s0p");
        assertThat(layers).hasSize(3);
        assertThat(ConvLayer.toNotation(layers)).isEqualTo("(64)4c2s1p-(128)4c2s1p-(256)4t2s0p");
        assertThat(ConvLayer.parseList(ConvLayer.toNotation(layers))).isEqualTo(layers);
    }

    @Test
    void badTokensAndMisfitsAreNamed() {
        assertThatThrownBy(() -> ConvLayer.parse("64c2")).hasMessageContaining("cannot read layer '64c2'");
        assertThatThrownBy(() -> ConvLayer.parse("(8)3t2s5p")).hasMessageContaining("at most kernel - 1");
        assertThatThrownBy(() -> ConvLayer.parse("(8)7c1s0p").outputSide(4)).hasMessageContaining("does not fit an input of side 4");
        assertThatThrownBy(() -> ConvLayer.parseList(" ")).hasMessageContaining("empty layer list");
        assertThatThrownBy(() -> ConvLayer.parseList("(64)4c2s-(128)4c2s-")).hasMessageContaining("cannot read layer ''");
        assertThatThrownBy(() -> ConvLayer.parse("(64)4u2s")).hasMessageContaining("only an odd kernel keeps the side");
    }
}
