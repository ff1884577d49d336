package org.ebgan4j.cli;

import org.ebgan4j.nn.ArchitectureSummary;
import org.ebgan4j.nn.ConvArchitecture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebgan arch}: the convolutional presets, their layers, shapes and parameter counts. */
@Command(name = "arch", mixinStandardHelpOptions = true,
        description = {"List the convolutional architectures, or describe one: layers, output shapes, parameters.",
            "Layers are written as in the papers: (64)4c2s is a 4x4 convolution, stride 2, 64 maps; (64)4t2s the",
            "transposed (fractionally-strided) one; (64)3u2s nearest upsampling x2 then a 3x3 convolution; an explicit",
            "padding follows as Np, e.g. (512)4t1s0p maps 1x1 to 4x4."})
final class ArchCommand implements Callable<Integer> {

    @Option(names = "--describe", paramLabel = "NAME", description = "a preset name, or 'all'") String describe;
    @Mixin CustomArchitectureOptions layers;
    @Option(names = "--channels", defaultValue = "1", description = "custom: image channels (default: ${DEFAULT-VALUE})") int channels;
    @Option(names = "--side", defaultValue = "28", description = "custom: image side (default: ${DEFAULT-VALUE})") int side;
    @Option(names = "--no-batch-norm", description = "count without batch normalisation") boolean noBatchNorm;

    @Override
    public Integer call() {
        if (layers.given()) {
            System.out.print(ArchitectureSummary.of(layers.build(channels, side), !noBatchNorm).format());
            return 0;
        }
        if (describe == null) {
            for (String name : ConvArchitecture.presetNames()) {
                ConvArchitecture a = ConvArchitecture.preset(name);
                System.out.printf("%-18s %dx%dx%d  %-56s G %s%n", name, a.channels(), a.side(), a.side(), a.provenance(),
                        a.generator());
            }
            System.out.println("describe one with: ebgan arch --describe NAME (or --describe all)");
            return 0;
        }
        List<String> names = describe.equalsIgnoreCase("all") ? ConvArchitecture.presetNames() : List.of(describe);
        for (String name : names) {
            System.out.print(ArchitectureSummary.of(ConvArchitecture.preset(name), !noBatchNorm).format());
            System.out.println();
        }
        return 0;
    }
}
