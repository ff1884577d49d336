package org.ebgan4j.objective;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The margins the EBGAN paper uses per data set: MNIST 10, CelebA 20, ImageNet at 128x128 40, LSUN
 * bedrooms 80, ImageNet at 256x256 80. They read on the paper's energy, the norm of the reconstruction
 * error ({@link org.ebgan4j.energy.Reduction#NORM}, the default on images); with the per-pixel mean,
 * whose Tanh outputs bound it by 4, none of them could ever be met.
 */
public final class MarginPresets {

    private static final Map<String, Float> MARGINS = new LinkedHashMap<>();

    static {
        MARGINS.put("mnist", 10f);
        MARGINS.put("celeba", 20f);
        MARGINS.put("imagenet128", 40f);
        MARGINS.put("lsun", 80f);
        MARGINS.put("imagenet256", 80f);
    }

    private MarginPresets() {}

    /** The margin for a data set's name. */
    public static float of(String name) {
        Float m = MARGINS.get(name.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new IllegalArgumentException("no margin preset '" + name + "'; choose " + String.join(", ", MARGINS.keySet())
                    + " or give `margin`");
        }
        return m;
    }

    /** Preset names and margins, in the order above. */
    public static Map<String, Float> all() {
        return Map.copyOf(MARGINS);
    }
}
