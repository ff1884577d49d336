package org.ebgan4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;

import org.junit.jupiter.api.Test;

class ComputeDeviceTest {

    @Test
    void autoTakesTheFirstGpuWhenThereIsOneAndTheCpuOtherwise() {
        assertThat(ComputeDevice.resolve("auto", 0)).isEqualTo(Device.cpu());
        assertThat(ComputeDevice.resolve("auto", 2)).isEqualTo(Device.gpu(0));
        assertThat(ComputeDevice.resolve("cpu", 4)).isEqualTo(Device.cpu());
        assertThat(ComputeDevice.resolve("gpu", 1)).isEqualTo(Device.gpu(0));
        assertThat(ComputeDevice.resolve("GPU:1", 2)).isEqualTo(Device.gpu(1));
        assertThat(ComputeDevice.resolve("gpu(1)", 2)).isEqualTo(Device.gpu(1));
    }

    @Test
    void aGpuThatIsNotThereIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> ComputeDevice.resolve("gpu", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sees no GPU").hasMessageContaining("-Pcuda").hasMessageContaining("`device` cpu or auto");
        assertThatThrownBy(() -> ComputeDevice.resolve("gpu:2", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sees 2 GPUs (gpu:0 to gpu:1)");
        assertThatThrownBy(() -> ComputeDevice.choose("tpu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`device` 'tpu' is not one of cpu, gpu, gpu:N or auto");
        assertThatThrownBy(() -> ComputeDevice.resolve("gpu:x", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesReadBackAsChoicesAndTheProcessDefaultIsWhatTheEngineSees() {
        assertThat(ComputeDevice.name(Device.cpu())).isEqualTo("cpu");
        assertThat(ComputeDevice.name(Device.gpu(3))).isEqualTo("gpu:3");
        assertThat(ComputeDevice.resolve(ComputeDevice.name(Device.gpu(1)), 2)).isEqualTo(Device.gpu(1));
        // The suite runs with no choice made: auto, which is the GPU exactly when the engine sees one.
        assertThat(ComputeDevice.choice()).isEqualTo("auto");
        assertThat(ComputeDevice.current().isGpu()).isEqualTo(Engine.getInstance().getGpuCount() > 0);
        assertThat(ComputeDevice.describe(Device.cpu())).endsWith(Runtime.getRuntime().availableProcessors() + " cores");
    }
}
