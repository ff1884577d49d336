package org.ebgan4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The shim, preloaded into a child JVM: MKL reports its AVX2 kernels (AVX-512 ones where the
 * processor has them), {@link MklIntelCpuShim#loaded()} sees it, and a product of two matrices agrees with the one MKL's generic kernels give to float
 * rounding (the kernels sum in another order, nothing else).
 */
class MklIntelCpuShimTest {

    @TempDir
    Path dir;

    /** The child: a 300x200 by 200x100 product of seeded values, printed one value a line, then whether the shim is mapped. */
    public static void main(String[] args) {
        Random r = new Random(5);
        float[] a = new float[300 * 200];
        float[] b = new float[200 * 100];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(a, new Shape(300, 200)).matMul(m.create(b, new Shape(200, 100)));
            StringBuilder out = new StringBuilder();
            for (float v : p.toFloatArray()) {
                out.append(v).append('\n');
            }
            out.append("loaded=").append(MklIntelCpuShim.loaded()).append('\n');
            System.out.print(out);
        }
    }

    private List<String> child(Map<String, String> env) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-cp",
                System.getProperty("java.class.path"), MklIntelCpuShimTest.class.getName());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().remove("LD_PRELOAD");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    private static float[] values(List<String> lines) {
        List<Float> v = new ArrayList<>();
        for (String l : lines) {
            try {
                v.add(Float.parseFloat(l));
            } catch (NumberFormatException e) {
                // MKL's verbose lines and the last one
            }
        }
        float[] f = new float[v.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = v.get(i);
        }
        return f;
    }

    @Test
    void preloadedTheShimGivesAvx2KernelsAndTheSameProductToRounding() throws Exception {
        String cpu = Files.readString(Path.of("/proc/cpuinfo"));
        assumeTrue(cpu.contains(" avx2"), "the processor has no AVX2");
        Optional<Path> lib = MklIntelCpuShim.build(dir);
        assumeTrue(lib.isPresent(), "no C compiler (cc) to build the shim");

        List<String> generic = child(Map.of("MKL_VERBOSE", "1"));
        List<String> avx2 = child(Map.of("MKL_VERBOSE", "1", "LD_PRELOAD", lib.get().toString()));

        String header = avx2.stream().filter(l -> l.startsWith("MKL_VERBOSE oneMKL")).findFirst().orElseThrow();
        assertThat(header).containsAnyOf("AVX2", "AVX-512");
        assertThat(avx2).contains("loaded=true");
        assertThat(generic).contains("loaded=false");
        if (!cpu.contains("GenuineIntel")) {
            // Without the shim an AMD processor gets MKL's generic kernels: the shim is what changed them.
            assertThat(generic.stream().filter(l -> l.startsWith("MKL_VERBOSE oneMKL")).findFirst().orElseThrow())
                    .doesNotContain("AVX2").doesNotContain("AVX-512");
        }
        float[] g = values(generic);
        float[] x = values(avx2);
        assertThat(x).hasSize(300 * 100).hasSameSizeAs(g);
        for (int i = 0; i < g.length; i++) {
            // Sums of 200 products of unit normals, about 14 in size: float rounding in another order is ~1e-5 of that.
            assertThat((double) x[i]).as("element %d", i).isCloseTo(g[i], org.assertj.core.data.Offset.offset(1e-3));
        }
    }
}
