// Fast tanh and logistic sigmoid, the engine's default (fast_math.h selects them), built on one
// exponential kernel, header-only and branch-free so that loops over a batch's samples inline them. clang vectorises those loops (f64x2 under
// Emscripten's -msimd128); gcc keeps them scalar (with its default -ftrapping-math it will not
// if-convert the NaN-preserving caps below), which is still ~2× faster than glibc's tanh.
// libm's tanh goes through expm1 and was the bulk of training time (glibc ~17 ns, Emscripten's
// musl ~30 ns per call). Natively and in WebAssembly the results are the same bits: the same IEEE
// operations in the same order, no table look-ups, and no fused multiply-add on either target as
// built (an -march with FMA would let gcc contract a·b + c and change the last bits).
//
// Accuracy (measured by tests/engine/test_fast_math.cpp): against x87 long double on [−40, 40],
// tanh within 2.3 ulp (glibc's tanh: 2.0) and the sigmoid within 2.2 ulp; against the libm
// versions ≤ 3 ulp (relative error < 5e-16) on [−40, 40], near 0 down to 1e-300 and in the
// sigmoid's tail while e^θ is normal (θ ≥ −708); subnormal results differ by ≤ 1 subnormal step.
//
// The kernel: for z ≤ 40 write z = k·ln2 + r with k = round(z / ln2), |r| ≤ ln2/2 (Cody–Waite:
// ln2 = LN2_HI + LN2_LO, LN2_HI with 32 significant bits so k·LN2_HI and z − k·LN2_HI are exact),
// then e^z = 2^k · e^r and e^r − 1 = r + r²·(1/2! + r/3! + … + r¹¹/13!). The Taylor tail after
// r¹³/13! is below r¹⁴/14! ≈ 4e-18 for |r| ≤ ln2/2: < 0.1 ulp of e^r − 1.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

namespace bp::fast {
namespace detail {

inline std::uint64_t bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
inline double from_bits(std::uint64_t u) {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

// 2^k for −1022 ≤ k ≤ 1023, by writing the biased exponent k + 1023 into an empty significand.
inline double pow2i(std::int64_t k) { return from_bits((std::uint64_t(k) + 1023) << 52); }

// z = k·ln2 + r. Returns r and sets k. Rounding to the nearest integer without a branch or a
// conversion instruction: adding 1.5·2⁵² pushes the fraction of z/ln2 out of the significand
// (round to nearest even), and the significand's low bits are then k in two's complement.
// Needs |z| < 2⁵¹·ln2; NaN gives r = NaN (and a meaningless k).
inline double reduce(double z, std::int64_t* k) {
  constexpr double kLog2e = 1.4426950408889634074;   // 1/ln2
  constexpr double kShift = 0x1.8p52;                // 1.5·2⁵²
  constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000
  constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln2 − kLn2Hi
  const double shifted = z * kLog2e + kShift;
  const double kd = shifted - kShift;
  *k = std::int64_t(bits(shifted) - bits(kShift));
  return (z - kd * kLn2Hi) - kd * kLn2Lo;
}

// e^r − 1 for |r| ≲ ln2/2, accurate in relative terms (no cancellation: r is added last).
// e^r − 1 = r + r²·p(r), p(r) = Σ_{i=0}^{11} r^i/(i+2)!, evaluated by Estrin's scheme (pairs
// c_i + c_{i+1}·r, then combined with r², r⁴, r⁸): a dependency chain of ~5 multiply-adds instead
// of Horner's 12, so a loop's iterations overlap better. The rounding differs from Horner's by
// less than 0.05 ulp of the result (the high-order terms are tiny).
inline double expm1_reduced(double r) {
  const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const double q0 = 1.0 / 2 + r * (1.0 / 6), q1 = 1.0 / 24 + r * (1.0 / 120),
               q2 = 1.0 / 720 + r * (1.0 / 5040), q3 = 1.0 / 40320 + r * (1.0 / 362880),
               q4 = 1.0 / 3628800 + r * (1.0 / 39916800),
               q5 = 1.0 / 479001600 + r * (1.0 / 6227020800);
  const double p = (q0 + r2 * q1) + r4 * (q2 + r2 * q3) + r8 * (q4 + r2 * q5);
  return r + r2 * p;
}

}  // namespace detail

// tanh x = sign(x) · e/(e + 2) with e = e^{2|x|} − 1, computed as 2^k·(e^r − 1) + (2^k − 1) so
// that near 0 (k = 0) it is e^r − 1 itself and the result keeps its relative accuracy down to the
// smallest subnormals (tanh x = x there). Both terms are exact for k ≤ 53 (scaling by 2^k;
// 2^k − 1 fits in 53 bits) and have the same sign for k ≥ 1, so one rounding joins them.
// 2|x| is capped at 40 (k ≤ 58): tanh 20 = 1 − 8.5e-18 already rounds to 1, so larger |x|,
// including ±∞, give ±1. The cap is written so that NaN passes through it, and NaN propagates.
inline double tanh(double x) {
  const double y2 = 2.0 * std::fabs(x);
  const double y = y2 > 40.0 ? 40.0 : y2;
  std::int64_t k;
  const double em_r = detail::expm1_reduced(detail::reduce(y, &k));
  const double s = detail::pow2i(k);
  const double e = s * em_r + (s - 1.0);
  return std::copysign(e / (e + 2.0), x);
}

// σ(θ) = 1 / (1 + e^−θ) = e^θ / (1 + e^θ). With u = e^{−|θ|} ∈ (0, 1] (never overflows):
// σ(θ) = 1 / (1 + u) for θ ≥ 0 and u / (1 + u) for θ < 0, the latter keeping σ's relative
// accuracy in the far negative tail. u = 2^k·e^r with 2^k applied as 2^{k−⌊k/2⌋}·2^{⌊k/2⌋}
// (each factor normal, the product rounded once), so u underflows gradually through the
// subnormals like libm's exp; −|θ| is floored at −750 (e^−750 rounds to 0) so that −∞ and
// huge |θ| give exactly 0 and 1. NaN passes the floor and the select, and propagates.
inline double sigmoid(double theta) {
  const double z0 = -std::fabs(theta);
  const double z = z0 < -750.0 ? -750.0 : z0;
  std::int64_t k;
  const double er = 1.0 + detail::expm1_reduced(detail::reduce(z, &k));
  const std::int64_t k_half = k >> 1;  // ⌊k/2⌋ (arithmetic shift)
  const double u = er * detail::pow2i(k - k_half) * detail::pow2i(k_half);
  return (theta >= 0 ? 1.0 : u) / (1.0 + u);
}

}  // namespace bp::fast
