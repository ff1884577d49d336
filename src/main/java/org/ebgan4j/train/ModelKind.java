package org.ebgan4j.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The adversarial games ebgan4j trains, by the names the CLI and the config files use. */
public enum ModelKind {
    /** EBGAN: auto-encoder energy, margin loss. */
    EBGAN("ebgan"),
    /** EBGAN with the pull-away term in the generator's loss. */
    EBGAN_PT("ebgan-pt"),
    /** The ordinary GAN baseline with the same networks and a one-logit discriminator. */
    GAN("gan"),
    /** Calibrated energy GAN with a constant entropy term: the cost gap alone. */
    EGAN_CONST("egan-const"),
    /** Calibrated energy GAN, entropy gradient from nearest neighbours. */
    EGAN_ENT_NN("egan-ent-nn"),
    /** Calibrated energy GAN, entropy from a variational bound with an inference network. */
    EGAN_ENT_VI("egan-ent-vi"),
    /** BEGAN: auto-encoder L1 energy with the equilibrium controller k_t. */
    BEGAN("began");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean usesAutoencoder() {
        return this == EBGAN || this == EBGAN_PT || this == BEGAN;
    }

    /** A calibrated energy GAN (unbounded scalar cost). */
    public boolean calibrated() {
        return this == EGAN_CONST || this == EGAN_ENT_NN || this == EGAN_ENT_VI;
    }

    @JsonCreator
    public static ModelKind parse(String name) {
        for (ModelKind k : values()) {
            if (k.id.equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; choose one of "
                + Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
