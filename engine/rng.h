// Rng: a small, portable pseudo-random generator (xoshiro256** seeded through splitmix64).
// std::mt19937 is portable but std::uniform_real_distribution and std::normal_distribution are not
// (libstdc++ and libc++ differ), and the native and WebAssembly builds must draw identical numbers
// from the same seed. Every random draw of the engine goes through this class.
#pragma once
#include <cstdint>

namespace bp {

class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next_u64();
  // Uniform in [0, 1) with 53 random bits: (x >> 11) · 2⁻⁵³.
  double uniform();
  // Uniform in [lo, hi).
  double uniform(double lo, double hi);
  // Standard normal N(0, 1) by the Box–Muller transform; uses two uniforms per call.
  double normal();
  // Uniform integer in [0, n), n > 0, without modulo bias (rejection sampling).
  std::uint64_t below(std::uint64_t n);

 private:
  std::uint64_t s_[4];
};

}  // namespace bp
