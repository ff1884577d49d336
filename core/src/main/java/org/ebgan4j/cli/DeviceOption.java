package org.ebgan4j.cli;

import org.ebgan4j.nn.ComputeDevice;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --device}, on every command that computes: where the process's arrays live ({@link ComputeDevice}). */
final class DeviceOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto",
            description = "where to compute: cpu, gpu (gpu:N for the N-th) or auto, the GPU when the engine sees one "
                    + "(default: auto, or EBGAN_DEVICE)")
    void device(String value) {
        try {
            ComputeDevice.choose(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), Options.translate(e.getMessage()));
        }
    }
}
