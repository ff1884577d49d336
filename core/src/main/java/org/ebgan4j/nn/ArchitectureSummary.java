package org.ebgan4j.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Layer-by-layer shapes and parameter counts of a {@link ConvArchitecture}, computed from the
 * notation with the conventions of {@link ConvNetworks} and the architecture's {@link LayerStyle}
 * (batch norm adds a scale and a shift per map).
 * {@code ConvNetworksTest} checks the totals against the built networks.
 */
public final class ArchitectureSummary {

    /** One layer: its notation, input and output shape (maps x side x side) and trainable parameters. */
    public record Row(String network, String layer, String in, String out, long parameters) {}

    private final ConvArchitecture arch;
    private final boolean batchNorm;
    private final List<Row> rows = new ArrayList<>();

    private ArchitectureSummary(ConvArchitecture arch, boolean batchNorm) {
        this.arch = arch;
        this.batchNorm = batchNorm;
    }

    /** The summary of every network of {@code arch}. */
    public static ArchitectureSummary of(ConvArchitecture arch, boolean batchNorm) {
        ArchitectureSummary s = new ArchitectureSummary(arch, batchNorm);
        s.generator();
        s.stack("encoder", arch.channels(), arch.side(), ConvLayer.parseList(arch.encoder()), true);
        long[] code = s.codeShape();
        s.stack("decoder", code[0], code[1], ConvLayer.parseList(arch.decoder()), false);
        long[] last = s.stack("critic", arch.channels(), arch.side(), ConvLayer.parseList(arch.critic()), true);
        long features = last[0] * last[1] * last[1];
        s.rows.add(new Row("critic", "linear", features + "", "1", features + 1));
        return s;
    }

    private void generator() {
        List<ConvLayer> layers = ConvLayer.parseList(arch.generator());
        long maps = arch.noise().get(0);
        long side = 1;
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0 && i < arch.noise().size()) {
                maps += arch.noise().get(i);
            }
            ConvLayer l = layers.get(i);
            long outSide = l.outputSide(side);
            boolean norm = arch.style().normalisesUp(i, layers.size(), batchNorm);
            rows.add(new Row("generator", l.toString() + (i > 0 && i < arch.noise().size() && arch.noise().get(i) > 0
                    ? " +" + arch.noise().get(i) + " noise planes" : ""), shape(maps, side), shape(l.filters(), outSide),
                    weights(l, maps) + (norm ? 2L * l.filters() : 0)));
            maps = l.filters();
            side = outSide;
        }
    }

    private long[] codeShape() {
        long maps = arch.channels();
        long side = arch.side();
        for (ConvLayer l : ConvLayer.parseList(arch.encoder())) {
            side = l.outputSide(side);
            maps = l.filters();
        }
        return new long[] {maps, side};
    }

    private long[] stack(String network, long maps, long side, List<ConvLayer> layers, boolean discriminator) {
        for (int i = 0; i < layers.size(); i++) {
            ConvLayer l = layers.get(i);
            long outSide = l.outputSide(side);
            boolean norm = discriminator ? arch.style().normalisesDown(i, layers.size(), batchNorm)
                    : arch.style().normalisesUp(i, layers.size(), batchNorm);
            rows.add(new Row(network, l.toString(), shape(maps, side), shape(l.filters(), outSide),
                    weights(l, maps) + (norm ? 2L * l.filters() : 0)));
            maps = l.filters();
            side = outSide;
        }
        return new long[] {maps, side};
    }

    private static long weights(ConvLayer l, long inMaps) {
        return (long) l.kernel() * l.kernel() * inMaps * l.filters() + l.filters();
    }

    private static String shape(long maps, long side) {
        return maps + "x" + side + "x" + side;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Trainable parameters of one network: generator, encoder, decoder or critic. */
    public long parameters(String network) {
        return rows.stream().filter(r -> r.network().equals(network)).mapToLong(Row::parameters).sum();
    }

    /** A printable table. */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s: %dx%dx%d images, noise %s = %d values per sample%n", arch.name(), arch.channels(), arch.side(),
                arch.side(), arch.noise(), arch.noiseSize()));
        b.append(String.format("from: %s; layers: %s%n", arch.provenance(), arch.style().describe()));
        String current = "";
        for (Row r : rows) {
            if (!r.network().equals(current)) {
                current = r.network();
                b.append(String.format("%s (%,d parameters)%n", current, parameters(current)));
            }
            b.append(String.format("  %-34s %14s -> %-14s %,12d%n", r.layer(), r.in(), r.out(), r.parameters()));
        }
        b.append(String.format("EBGAN auto-encoder D: %,d parameters; GAN/calibrated critic: %,d%n",
                parameters("encoder") + parameters("decoder"), parameters("critic")));
        return b.toString();
    }
}
