package org.ebgan4j.cli;

import org.ebgan4j.nn.ConvArchitecture;

import picocli.CommandLine.Option;

import java.util.List;

/** Options that give a convolutional architecture layer by layer in the papers' notation, instead of a preset. */
final class CustomArchitectureOptions {

    @Option(names = "--generator", description = "custom architecture: generator layers, noise to image, "
            + "e.g. (128)7t1s0p-(64)4t2s-(1)4t2s") String generator;
    @Option(names = "--encoder", description = "custom architecture: encoder layers, e.g. (64)4c2s-(128)4c2s") String encoder;
    @Option(names = "--decoder", description = "custom architecture: decoder layers, e.g. (64)4t2s-(1)4t2s") String decoder;
    @Option(names = "--critic", description = "custom architecture: critic layers before its linear output "
            + "(default: the encoder's)") String critic;
    @Option(names = "--noise-planes", split = "-", paramLabel = "Z-P1-P2...", description = "custom architecture: z's "
            + "dimension, then noise planes concatenated at each later generator layer, e.g. 100-64-32 (default: 100)")
    List<Integer> noise;

    /** Whether any layer option was given. */
    boolean given() {
        return generator != null || encoder != null || decoder != null || critic != null || noise != null;
    }

    /** The architecture for images of {@code channels x side x side}; its shapes are checked. */
    ConvArchitecture build(int channels, int side) {
        return ConvArchitecture.custom(channels, side, noise, generator, encoder, decoder, critic);
    }
}
