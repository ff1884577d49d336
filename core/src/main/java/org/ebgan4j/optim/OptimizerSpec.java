package org.ebgan4j.optim;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** An optimiser and its settings as plain data; it creates the optimiser for a network. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OptimizerSpec.Adam.class, name = "adam"),
    @JsonSubTypes.Type(value = OptimizerSpec.Sgd.class, name = "sgd")
})
public sealed interface OptimizerSpec permits OptimizerSpec.Adam, OptimizerSpec.Sgd {

    /** The base learning rate. */
    float lr();

    /** The optimiser over {@code network}'s trainable parameters; its state lives under {@code parent}. */
    Optimizer create(Block network, NDManager parent);

    /** Adam (Kingma and Ba 2015); the EBGAN paper trains with lr 0.001, DCGAN's beta1 of 0.5. */
    record Adam(float lr, float beta1, float beta2) implements OptimizerSpec {

        public Adam {
            if (!(lr > 0) || Float.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rates must be positive, got " + lr);
            }
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("`beta1` and `beta2` must lie in [0, 1), got " + beta1 + ", " + beta2);
            }
        }

        @Override
        public Optimizer create(Block network, NDManager parent) {
            return new AdamOptimizer(network, parent, lr, beta1, beta2);
        }
    }

    /**
     * Plain SGD, or with momentum ({@link SgdOptimizer}). The EBGAN paper grids GANs over SGD without
     * stating a momentum; ebgan4j's default is none.
     */
    record Sgd(float lr, float momentum) implements OptimizerSpec {

        public Sgd {
            if (!(lr > 0) || Float.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rates must be positive, got " + lr);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("`momentum` must lie in [0, 1), got " + momentum);
            }
        }

        @Override
        public Optimizer create(Block network, NDManager parent) {
            return new SgdOptimizer(network, parent, lr, momentum);
        }
    }
}
