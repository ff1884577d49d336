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
}
