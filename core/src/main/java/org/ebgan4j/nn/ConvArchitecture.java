package org.ebgan4j.nn;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A convolutional architecture in the papers' notation (see {@link ConvLayer}): the generator's
 * layers from noise to image, the auto-encoder discriminator's encoder and decoder, and the critic
 * of the GAN baseline and the calibrated models (its layers, then one linear output).
 *
 * <p>{@code noise} lists the noise fed to each generator layer: the first entry is the dimension of
 * z (a 1x1 map with that many planes), every later one a number of noise planes concatenated with
 * that layer's input maps, 0 for none. The EBGAN paper's 128x128 generator takes
 * {@code 100-64-32-16-8-4} (section 4.4). The generator's noise vector holds all of it, so runs stay
 * reproducible from their seed: {@link #noiseSize()} values per sample.
 *
 * @param name preset name, or "custom"
 * @param channels image channels (1 or 3)
 * @param side image side in pixels
 * @param noise noise per generator layer, first entry z's dimension
 * @param generator generator layers, noise to image
 * @param encoder encoder of the auto-encoder discriminator, image to code
 * @param decoder decoder, code to image
 * @param critic critic layers before the linear output (GAN, calibrated models)
 * @param style how the layers are joined (nonlinearities, batch normalisation); DCGAN's when not given
 *     (and then left out of a run's {@code config.json}, as written before styles existed)
 */
public record ConvArchitecture(String name, int channels, int side, List<Integer> noise, String generator, String encoder,
        String decoder, String critic,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = LayerStyle.IsDcgan.class) LayerStyle style) {

    /** An architecture joined in DCGAN's way ({@link LayerStyle#DCGAN}). */
    public ConvArchitecture(String name, int channels, int side, List<Integer> noise, String generator, String encoder,
            String decoder, String critic) {
        this(name, channels, side, noise, generator, encoder, decoder, critic, LayerStyle.DCGAN);
    }

    public ConvArchitecture {
        style = style == null ? LayerStyle.DCGAN : style;
        if (channels < 1 || side < 1) {
            throw new IllegalArgumentException("images need at least 1 channel and 1 pixel; got " + channels + "x" + side + "x" + side);
        }
        if (noise == null || noise.isEmpty() || noise.get(0) < 1 || noise.stream().anyMatch(v -> v < 0)) {
            throw new IllegalArgumentException("noise must start with z's dimension (>= 1) and list planes >= 0; got " + noise);
        }
        noise = List.copyOf(noise);
        if (noise.size() > ConvLayer.parseList(generator).size()) {
            throw new IllegalArgumentException("noise lists " + noise.size() + " layers but the generator has "
                    + ConvLayer.parseList(generator).size());
        }
        checkShapes(name, channels, side, noise, generator, encoder, decoder, critic);
    }

    private static void checkShapes(String name, int channels, int side, List<Integer> noise, String generator, String encoder,
            String decoder, String critic) {
        List<ConvLayer> g = ConvLayer.parseList(generator);
        long s = 1;
        for (ConvLayer layer : g) {
            s = layer.outputSide(s);
        }
        requireImage(name, "generator", g, s, channels, side);
        long code = 0;
        for (ConvLayer layer : ConvLayer.parseList(encoder)) {
            code = layer.outputSide(code == 0 ? side : code);
        }
        long back = code;
        List<ConvLayer> d = ConvLayer.parseList(decoder);
        for (ConvLayer layer : d) {
            back = layer.outputSide(back);
        }
        requireImage(name, "decoder", d, back, channels, side);
        long c = side;
        for (ConvLayer layer : ConvLayer.parseList(critic)) {
            c = layer.outputSide(c);
        }
    }

    private static void requireImage(String name, String part, List<ConvLayer> layers, long outSide, int channels, int side) {
        int maps = layers.get(layers.size() - 1).filters();
        if (outSide != side || maps != channels) {
            throw new IllegalArgumentException(name + ": the " + part + " ends in " + maps + "x" + outSide + "x" + outSide
                    + ", not the " + channels + "x" + side + "x" + side + " images");
        }
    }

    /** Values per sample of the generator's noise vector: z plus every layer's noise planes. */
    public int noiseSize() {
        List<ConvLayer> g = ConvLayer.parseList(generator);
        long total = noise.get(0);
        long s = 1;
        for (int i = 0; i < g.size(); i++) {
            if (i > 0 && i < noise.size()) {
                total += (long) noise.get(i) * s * s;
            }
            s = g.get(i).outputSide(s);
        }
        return Math.toIntExact(total);
    }

    /** Values per image. */
    public int dataSize() {
        return channels * side * side;
    }

    private static final Map<String, ConvArchitecture> PRESETS = new LinkedHashMap<>();

    /** Where each preset comes from: a paper's network as printed, or ours. */
    private static final Map<String, String> PROVENANCE = new LinkedHashMap<>();

    private static void preset(ConvArchitecture a) {
        PRESETS.put(a.name(), a);
    }

    static {
        // The calibrated-EBGAN paper's digit network (appendix B.1, our reading): FC 1024, FC 7x7x128,
        // then two fractionally-strided layers; the critic mirrors it. FC layers are 1x1 or 7x7 maps here.
        // The auto-encoder's code is 256 units, as in the fully connected D: with the over-complete 128x7x7
        // code our EBGAN-PT runs collapsed onto one image within 100 steps, whatever the margin, PT weight or rate.
        preset(new ConvArchitecture("digits28", 1, 28, List.of(100),
                "(1024)1t1s0p-(128)7t1s0p-(64)4t2s-(1)4t2s",
                "(64)4c2s-(128)4c2s-(256)7c1s0p", "(128)7t1s0p-(64)4t2s-(1)4t2s",
                "(64)4c2s-(128)4c2s-(1024)7c1s0p"));
        // A DCGAN-style 32x32 network (the calibrated paper's CIFAR-10 model, our reading).
        preset(new ConvArchitecture("cifar32", 3, 32, List.of(100),
                "(512)4t1s0p-(256)4t2s-(128)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s", "(128)4t2s-(64)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s"));
        // EBGAN paper, LSUN and CelebA at 64x64 (appendix): DCGAN generator, encoder (64)4c2s-(128)4c2s-(256)4c2s,
        // decoder (128)4c2s-(64)4c2s-(3)4c2s read as fractionally-strided.
        preset(new ConvArchitecture("dcgan64", 3, 64, List.of(100),
                "(512)4t1s0p-(256)4t2s-(128)4t2s-(64)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s", "(128)4t2s-(64)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s-(512)4c2s"));
        // BEGAN-style: nearest-neighbour upsampling and 3x3 convolutions instead of transposed ones.
        preset(new ConvArchitecture("began64", 3, 64, List.of(64),
                "(128)8t1s0p-(64)3u2s-(64)3u2s-(64)3u2s-(3)3c1s",
                "(64)3c1s-(128)3c2s-(192)3c2s-(256)3c2s", "(64)3u2s-(64)3u2s-(64)3u2s-(3)3c1s",
                "(64)3c1s-(128)3c2s-(192)3c2s-(256)3c2s"));
        // EBGAN paper section 4.4, to the letter: ImageNet at 128x128 and 256x256, noise planes at every generator
        // layer but the last, a final stride-1 (3)3c layer; the 256x256 model's encoder and decoder are the 128x128 ones.
        preset(new ConvArchitecture("ebgan-imagenet128", 3, 128, List.of(100, 64, 32, 16, 8, 4),
                "(1024)4t1s0p-(512)4t2s-(256)4t2s-(128)4t2s-(64)4t2s-(64)4t2s-(3)3c1s",
                "(64)4c2s-(128)4c2s-(256)4c2s-(512)4c2s", "(256)4t2s-(128)4t2s-(64)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s-(512)4c2s"));
        preset(new ConvArchitecture("ebgan-imagenet256", 3, 256, List.of(100, 64, 32, 16, 8, 4, 2),
                "(2048)4t1s0p-(1024)4t2s-(512)4t2s-(256)4t2s-(128)4t2s-(64)4t2s-(64)4t2s-(3)3c1s",
                "(64)4c2s-(128)4c2s-(256)4c2s-(512)4c2s", "(256)4t2s-(128)4t2s-(64)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s-(512)4c2s"));
        // The calibrated-EBGAN paper's digit model, appendix B.1: z of 10, FC 512x7x7, DC(512,256;4c2s), DC(256,128;4c2s),
        // DC(128,1;3c1s); D CV(1,64;3c1s)-CV(64,128;4c2s)-CV(128,256;4c2s)-FC(256x7x7,1), batch norm on every D layer.
        // The decoder (for EBGAN) mirrors the critic as the generator does. Tanh where the paper has a sigmoid: our
        // images are in [-1, 1], and sigmoid(2a) = (tanh(a) + 1) / 2.
        preset(new ConvArchitecture("cegan-digits28", 1, 28, List.of(10),
                "(512)7t1s0p-(256)4t2s-(128)4t2s-(1)3t1s",
                "(64)3c1s-(128)4c2s-(256)4c2s", "(128)4t2s-(64)4t2s-(1)3t1s",
                "(64)3c1s-(128)4c2s-(256)4c2s", LayerStyle.CALIBRATED));
        // The calibrated-EBGAN paper's CIFAR-10 model, whose printed channels contradict each other, by the authors' code
        // (cifar10/conv_cifar10_energy_gan.py): G FC 100 -> 512x4x4, DC 4c2s to 512, 256 and 128 maps, DC(128,3;3c1s);
        // D as printed, CV(3,64;3c1s)-CV(64,128;4c2s)-CV(128,256;4c2s)-CV(256,256;4c2s)-FC(256x4x4,1), batch norm on every
        // layer, the printed leaky ReLU where the code has a plain one; z of 100 as in the code (the paper prints 10).
        preset(new ConvArchitecture("cegan-cifar32", 3, 32, List.of(100),
                "(512)4t1s0p-(512)4t2s-(256)4t2s-(128)4t2s-(3)3t1s",
                "(64)3c1s-(128)4c2s-(256)4c2s-(256)4c2s", "(256)4t2s-(128)4t2s-(64)4t2s-(3)3t1s",
                "(64)3c1s-(128)4c2s-(256)4c2s-(256)4c2s", LayerStyle.CALIBRATED));
        // BEGAN's network at 64x64 (n = 64 maps, h = 64): per scale two 3x3 convolutions with ELU, a stride-2 one between
        // scales, a linear embedding of h values; the decoder and the generator alike: FC h -> 8x8xn, then two 3x3
        // convolutions per scale with nearest-neighbour upsampling between, no batch norm. Tanh on the image (BEGAN: linear).
        preset(new ConvArchitecture("began-celeba64", 3, 64, List.of(64),
                "(64)8t1s0p-(64)3c1s-(64)3c1s-(64)3u2s-(64)3c1s-(64)3u2s-(64)3c1s-(64)3u2s-(64)3c1s-(3)3c1s",
                "(64)3c1s-(64)3c1s-(64)3c1s-(64)3c2s-(128)3c1s-(128)3c1s-(128)3c2s-(192)3c1s-(192)3c1s-(192)3c2s-(256)3c1s-(256)3c1s"
                        + "-(64)8c1s0p",
                "(64)8t1s0p-(64)3c1s-(64)3c1s-(64)3u2s-(64)3c1s-(64)3u2s-(64)3c1s-(64)3u2s-(64)3c1s-(3)3c1s",
                "(64)3c1s-(64)3c1s-(64)3c1s-(64)3c2s-(128)3c1s-(128)3c1s-(128)3c2s-(192)3c1s-(192)3c1s-(192)3c2s-(256)3c1s-(256)3c1s"
                        + "-(64)8c1s0p", LayerStyle.BEGAN));
        PROVENANCE.put("cegan-digits28", "calibrated-EBGAN paper B.1, exactly (decoder ours)");
        PROVENANCE.put("cegan-cifar32", "calibrated-EBGAN paper B.1 by the authors' code (decoder ours)");
        PROVENANCE.put("began-celeba64", "BEGAN paper, exactly (n = 64, h = 64)");
        PROVENANCE.put("digits28", "ours, after the calibrated-EBGAN paper's digit model");
        PROVENANCE.put("cifar32", "ours, after the calibrated-EBGAN paper's CIFAR-10 model");
        PROVENANCE.put("dcgan64", "EBGAN paper 4.3 (encoder, decoder; DCGAN generator)");
        PROVENANCE.put("began64", "ours, BEGAN-style");
        PROVENANCE.put("ebgan-imagenet128", "EBGAN paper 4.4, exactly");
        PROVENANCE.put("ebgan-imagenet256", "EBGAN paper 4.4, exactly");
    }

    /** Names of the presets. */
    public static List<String> presetNames() {
        return new ArrayList<>(PRESETS.keySet());
    }

    /** Whether this architecture is a paper's network as printed, or ours (and after what); "custom" for one given by hand. */
    public String provenance() {
        return PROVENANCE.getOrDefault(name, "custom");
    }

    /** A preset by name. */
    public static ConvArchitecture preset(String name) {
        ConvArchitecture a = PRESETS.get(name.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("unknown architecture '" + name + "'; presets: " + String.join(", ", presetNames())
                    + " (or give your own layers: `generator`, `encoder` and `decoder`)");
        }
        return a;
    }

    /**
     * Layers given by hand for images of {@code channels x side x side}: the generator's, the
     * encoder's and the decoder's, the critic's (default: the encoder's) and the noise per generator
     * layer (default: z of 100); every shape is checked.
     */
    public static ConvArchitecture custom(int channels, int side, List<Integer> noise, String generator, String encoder,
            String decoder, String critic) {
        if (generator == null || encoder == null || decoder == null) {
            throw new IllegalArgumentException("a custom architecture needs `generator`, `encoder` and `decoder` "
                    + "(`critic` and `noisePlanes` are optional)");
        }
        return new ConvArchitecture("custom", channels, side, noise != null ? noise : List.of(100), generator, encoder,
                decoder, critic != null ? critic : encoder);
    }

    /** The same layers for images with another number of channels (grey digits through an RGB preset, or back). */
    public ConvArchitecture withChannels(int newChannels) {
        return new ConvArchitecture(name, newChannels, side, noise, lastMaps(generator, newChannels), encoder,
                lastMaps(decoder, newChannels), critic, style);
    }

    private static String lastMaps(String notation, int maps) {
        List<ConvLayer> layers = new ArrayList<>(ConvLayer.parseList(notation));
        ConvLayer last = layers.remove(layers.size() - 1);
        layers.add(new ConvLayer(last.kind(), maps, last.kernel(), last.stride(), last.padding()));
        return ConvLayer.toNotation(layers);
    }
}
