// The tanh and logistic sigmoid the activation table (activation.cpp) calls, in one of two builds:
//
// - plain (CMake option BPLAB_PLAIN_MATH=ON, which defines BPLAB_PLAIN_MATH): the textbook
//   formulas on the C library, the version to read first;
// - fast (the default): the approximations of fast_tanh_sigmoid.h, within 3 ulp of the plain ones
//   (tests/engine/test_fast_math.cpp) and several times faster. libm's tanh was the bulk of
//   training time, and the fast versions inline into the loops over a batch, which then vectorise.
//
// The engine's tests run against both builds (ctest: engine_tests and engine_plain_tests).
#pragma once
#include <cmath>

#include "fast_tanh_sigmoid.h"

namespace bp::math {

#ifdef BPLAB_PLAIN_MATH

// y = tanh θ = (e^θ − e^−θ) / (e^θ + e^−θ)
inline double tanh(double theta) { return std::tanh(theta); }

// σ(θ) = 1 / (1 + e^−θ). For θ < −709, e^−θ overflows to +∞ and σ rounds to exactly 0 (the true
// value is below 1e-308); it never gives NaN.
inline double sigmoid(double theta) { return 1.0 / (1.0 + std::exp(-theta)); }

#else

inline double tanh(double theta) { return fast::tanh(theta); }
inline double sigmoid(double theta) { return fast::sigmoid(theta); }

#endif

}  // namespace bp::math
