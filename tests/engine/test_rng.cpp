// Rng: determinism, ranges, and the moments of the distributions.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "rng.h"

namespace {

TEST(Rng, SameSeedSameStream) {
  bp::Rng a(42), b(42), c(43);
  int differ = 0;
  for (int k = 0; k < 1000; ++k) {
    std::uint64_t x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    differ += x != c.next_u64();
  }
  EXPECT_GT(differ, 990);
  bp::Rng d(7), e(7);
  for (int k = 0; k < 100; ++k) {
    EXPECT_EQ(d.uniform(), e.uniform());
    EXPECT_EQ(d.normal(), e.normal());
    EXPECT_EQ(d.below(1000), e.below(1000));
  }
}

// Reference xoshiro256** seeded by splitmix64 (Vigna's published algorithms), written here.
struct RefXoshiro {
  std::uint64_t s[4];
  explicit RefXoshiro(std::uint64_t seed) {
    for (auto& w : s) {
      std::uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      w = z ^ (z >> 31);
    }
  }
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
};

TEST(Rng, IsXoshiro256StarStarSeededBySplitmix64) {
  for (std::uint64_t seed : {0ull, 1ull, 12345ull, 0xffffffffffffffffull}) {
    bp::Rng r(seed);
    RefXoshiro ref(seed);
    for (int k = 0; k < 20; ++k) EXPECT_EQ(r.next_u64(), ref.next()) << "seed " << seed;
  }
}

TEST(Rng, UniformIsTheTop53BitsOfNextU64) {
  bp::Rng a(99), b(99);
  for (int k = 0; k < 100; ++k) EXPECT_EQ(a.uniform(), double(b.next_u64() >> 11) * 0x1p-53);
}

TEST(Rng, UniformRangeAndMean) {
  bp::Rng r(3);
  const int n = 100000;
  double sum = 0;
  for (int k = 0; k < n; ++k) {
    double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);  // σ of the mean ≈ 0.0009
  for (int k = 0; k < 10000; ++k) {
    double u = r.uniform(-2.5, 4.0);
    ASSERT_GE(u, -2.5);
    ASSERT_LT(u, 4.0);
  }
}

TEST(Rng, BelowStaysInRangeAndCoversIt) {
  bp::Rng r(11);
  for (int k = 0; k < 100; ++k) EXPECT_EQ(r.below(1), 0u);
  std::vector<int> hits(7, 0);
  for (int k = 0; k < 7000; ++k) {
    std::uint64_t v = r.below(7);
    ASSERT_LT(v, 7u);
    ++hits[v];
  }
  for (int h : hits) EXPECT_GT(h, 800);  // expected 1000 each
  const std::uint64_t big = (1ull << 63) + 1;  // worst case for rejection sampling
  for (int k = 0; k < 1000; ++k) ASSERT_LT(r.below(big), big);
}

TEST(Rng, NormalMoments) {
  bp::Rng r(2024);
  const int n = 100000;
  double sum = 0, sum2 = 0, sum4 = 0;
  for (int k = 0; k < n; ++k) {
    double z = r.normal();
    ASSERT_TRUE(std::isfinite(z));
    sum += z;
    sum2 += z * z;
    sum4 += z * z * z * z;
  }
  double mean = sum / n, var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 0.0, 0.015);  // σ of the mean ≈ 0.0032
  EXPECT_NEAR(var, 1.0, 0.025);   // σ of the variance ≈ 0.0045
  EXPECT_NEAR(sum4 / n, 3.0, 0.15);  // Gaussian kurtosis, not uniform's 1.8
}

}  // namespace
