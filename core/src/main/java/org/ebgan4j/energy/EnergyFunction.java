package org.ebgan4j.energy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** A discriminator read as an energy: a scalar per sample, low on data, high elsewhere. */
public interface EnergyFunction {

    /** The network whose parameters define the energy. */
    Block block();

    /** Energies of a batch, shape (batch). */
    NDArray energy(ParameterStore parameters, NDArray x, boolean training);

    /**
     * The discriminator's last hidden layer, shape (batch, features): the features a linear probe
     * reads (calibrated-EBGAN paper, appendix B.5).
     */
    NDArray features(ParameterStore parameters, NDArray x, boolean training);
}
