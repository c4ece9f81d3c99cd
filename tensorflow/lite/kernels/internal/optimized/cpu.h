// Instruction sets the optimized kernels pick between at run time. The
// default build targets any CPU of its architecture; faster code paths are
// compiled with function-level target attributes and chosen once, by what
// the CPU reports.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CPU_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CPU_H_

#if defined(__x86_64__) || defined(__i386__)
#define TFLITE_OPTIMIZED_X86 1
#else
#define TFLITE_OPTIMIZED_X86 0
#endif

// Arm M-profile cores (Cortex-M0/M0+/M3/M4/M7/M33/M55...): the int8 conv,
// depthwise and fully connected kernels take the loops of cortex_m_scalar.cc
// (any 32-bit core), with the DSP extension (M4, M7, M33: SMLAD, SXTB16)
// those of cortex_m_dsp.cc, with Helium (integer MVE: M55, M85) those of
// cortex_m_mve.cc, chosen at compile time. Results are the same on every
// path.
#if defined(__arm__) && defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
#define TFLITE_OPTIMIZED_CORTEX_M 1
#else
#define TFLITE_OPTIMIZED_CORTEX_M 0
#endif
#if TFLITE_OPTIMIZED_CORTEX_M && defined(__ARM_FEATURE_DSP)
#define TFLITE_OPTIMIZED_ARM_DSP 1
#else
#define TFLITE_OPTIMIZED_ARM_DSP 0
#endif
#if TFLITE_OPTIMIZED_CORTEX_M && defined(__ARM_FEATURE_MVE) && \
    (__ARM_FEATURE_MVE & 1)
#define TFLITE_OPTIMIZED_ARM_MVE 1
#else
#define TFLITE_OPTIMIZED_ARM_MVE 0
#endif

namespace tflite {
namespace optimized_ops {

enum class Isa : int {
  // Plain C++ (whatever the compiler vectorizes for the baseline target,
  // e.g. SSE2 on x86-64, NEON on AArch64).
  kGeneric = 0,
  // x86: AVX2 and FMA (FMA is never used for float sums, see below).
  kAvx2 = 1,
  // x86: AVX-512 F/BW/VL/DQ with VNNI (8-bit dot products).
  kAvx512Vnni = 2,
};

// The best instruction set this CPU runs (detected once).
Isa BestIsa();

// Whether this CPU runs `isa` (tests run every supported path).
bool IsaSupported(Isa isa);

// The instruction set kernels use: BestIsa() unless lowered with
// SetMaxIsa (tests, benchmarks).
Isa ActiveIsa();
void SetMaxIsa(Isa isa);

const char* IsaName(Isa isa);

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CPU_H_
