/*
 * ebgan4j: lets the Intel MKL inside libtorch take its AVX2 kernels on non-Intel x86 processors.
 *
 * The MKL that DJL's libtorch 2.7 links statically (oneMKL 2024.0) asks these two functions whether
 * the processor is Intel's and, on an AMD EPYC, falls back to generic kernels: its single-precision
 * GEMM then runs well below what the processor's AVX2/FMA units allow. Preloaded (LD_PRELOAD),
 * these definitions answer "yes" (both are needed: each caches its own answer); MKL then reads the
 * instruction set itself and dispatches on it as on an Intel processor with the same features.
 *
 * Build: cc -shared -fPIC -O2 -o libebgan4j-mkl-intel-cpu.so mkl_intel_cpu.c
 * (the ebgan launcher does this on first use; see the README, "Speed on AMD processors").
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}

int mkl_serv_intel_cpu(void) {
    return 1;
}
