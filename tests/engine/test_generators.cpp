// Toy data sets and split_dataset: sizes, labels, geometry at zero noise, determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "generators.h"
#include "rng.h"
#include "test_util.h"

namespace {

using bp::DatasetKind;

const double kPi = 3.14159265358979323846;

TEST(Generators, Kinds) {
  const std::vector<bp::DatasetInfo>& kinds = bp::dataset_kinds();
  ASSERT_EQ(kinds.size(), 9u);
  const char* names[] = {"circle", "xor",    "gauss", "spiral", "blobs3",
                         "spiral3", "blobs4", "plane", "sine"};
  const DatasetKind ids[] = {DatasetKind::Circle,  DatasetKind::Xor,    DatasetKind::Gauss,
                             DatasetKind::Spiral,  DatasetKind::Blobs3, DatasetKind::Spiral3,
                             DatasetKind::Blobs4,  DatasetKind::Plane,  DatasetKind::Sine};
  const int classes[] = {2, 2, 2, 2, 3, 3, 4, 0, 0};
  const int targets[] = {1, 1, 1, 1, 3, 3, 4, 1, 1};
  for (int k = 0; k < 9; ++k) {
    EXPECT_EQ(kinds[k].kind, ids[k]);
    EXPECT_EQ(std::string(kinds[k].name), names[k]);
    EXPECT_EQ(kinds[k].classification, k < 7) << names[k];
    EXPECT_EQ(kinds[k].classes, classes[k]) << names[k];
    EXPECT_EQ(kinds[k].targets(), targets[k]) << names[k];
    EXPECT_EQ(bp::find_dataset_kind(names[k]), &kinds[k]);
  }
  EXPECT_EQ(bp::find_dataset_kind("moons"), nullptr);
}

TEST(Generators, SizesTargetsRangesAndDeterminism) {
  for (const bp::DatasetInfo& info : bp::dataset_kinds()) {
    if (info.targets() != 1) continue;  // several classes: ManyClasses… below
    for (double noise : {0.0, 0.3}) {
      SCOPED_TRACE(std::string(info.name) + " noise " + std::to_string(noise));
      bp::Dataset d = bp::generate_dataset(info.kind, 300, noise, 9);
      ASSERT_EQ(d.n_inputs, 2);
      ASSERT_EQ(d.n_targets, 1);
      ASSERT_EQ(d.size(), 300);
      ASSERT_EQ(d.t.size(), 300u);
      for (double x : d.x) {
        EXPECT_TRUE(std::isfinite(x));
        EXPECT_LE(std::fabs(x), 1.5);
      }
      int ones = 0;
      for (double t : d.t) {
        EXPECT_TRUE(std::isfinite(t));
        if (info.classification) {
          EXPECT_TRUE(t == 0.0 || t == 1.0) << t;
          ones += t == 1.0;
        }
      }
      if (info.classification) {  // both classes, roughly balanced
        EXPECT_GT(ones, 60);
        EXPECT_LT(ones, 240);
      }
      bp::Dataset again = bp::generate_dataset(info.kind, 300, noise, 9);
      EXPECT_TRUE(bptest::same_dataset(d, again));
      // A clean spiral is a fixed curve; everything else is drawn from the seed.
      if (noise > 0 || info.kind != DatasetKind::Spiral) {
        bp::Dataset other = bp::generate_dataset(info.kind, 300, noise, 10);
        EXPECT_NE(d.x, other.x);
      }
    }
  }
}

TEST(Generators, GeometryWithoutNoise) {
  const int n = 400;
  {
    bp::Dataset d = bp::generate_dataset(DatasetKind::Circle, n, 0.0, 4);
    for (int s = 0; s < n; ++s) {
      double r = std::hypot(d.input(s)[0], d.input(s)[1]);
      if (d.target(s)[0] == 1.0) EXPECT_LE(r, 0.5 + 1e-12);
      else EXPECT_TRUE(r >= 0.7 - 1e-12 && r <= 1.0 + 1e-12) << r;
    }
  }
  {
    bp::Dataset d = bp::generate_dataset(DatasetKind::Xor, n, 0.0, 4);
    for (int s = 0; s < n; ++s) {
      double p = d.input(s)[0] * d.input(s)[1];
      EXPECT_NE(p, 0.0);
      EXPECT_EQ(d.target(s)[0], p > 0 ? 1.0 : 0.0);
    }
  }
  {
    bp::Dataset d = bp::generate_dataset(DatasetKind::Gauss, n, 0.0, 4);
    double m[2][2] = {{0, 0}, {0, 0}};
    int cnt[2] = {0, 0};
    for (int s = 0; s < n; ++s) {
      int c = d.target(s)[0] == 1.0;
      m[c][0] += d.input(s)[0];
      m[c][1] += d.input(s)[1];
      ++cnt[c];
    }
    for (int c = 0; c < 2; ++c)
      for (int i = 0; i < 2; ++i) EXPECT_NEAR(std::fabs(m[c][i] / cnt[c]), 0.5, 0.1);
    // The two blobs sit at different corners.
    EXPECT_GT(std::hypot(m[0][0] / cnt[0] - m[1][0] / cnt[1], m[0][1] / cnt[0] - m[1][1] / cnt[1]), 0.8);
  }
  {
    bp::Dataset d = bp::generate_dataset(DatasetKind::Plane, n, 0.0, 4);
    for (int s = 0; s < n; ++s)
      EXPECT_NEAR(d.target(s)[0], (d.input(s)[0] + d.input(s)[1]) / 2, 1e-12);
  }
  {
    bp::Dataset d = bp::generate_dataset(DatasetKind::Sine, n, 0.0, 4);
    for (int s = 0; s < n; ++s) {
      double x1 = d.input(s)[0], x2 = d.input(s)[1];
      EXPECT_NEAR(d.target(s)[0], std::sin(kPi * x1) * std::cos(kPi * x2) / 2 + 0.5, 1e-12);
    }
  }
}

// The class of a one-hot target row, or −1 when the row is not one-hot.
int one_hot_class(const double* t, int k) {
  int cls = -1, ones = 0;
  for (int c = 0; c < k; ++c) {
    if (t[c] != 0.0 && t[c] != 1.0) return -1;
    if (t[c] == 1.0) cls = c, ++ones;
  }
  return ones == 1 ? cls : -1;
}

TEST(Generators, ManyClassesAreOneHotBalancedAndDeterministic) {
  for (DatasetKind kind : {DatasetKind::Blobs3, DatasetKind::Spiral3, DatasetKind::Blobs4}) {
    const bp::DatasetInfo& info = bp::dataset_kinds()[static_cast<int>(kind)];
    const int K = info.classes;
    for (double noise : {0.0, 0.3}) {
      SCOPED_TRACE(std::string(info.name) + " noise " + std::to_string(noise));
      for (int n : {300, 301, 2}) {
        bp::Dataset d = bp::generate_dataset(kind, n, noise, 9);
        ASSERT_EQ(d.n_inputs, 2);
        ASSERT_EQ(d.n_targets, K);
        ASSERT_EQ(d.size(), n);
        ASSERT_EQ(d.t.size(), std::size_t(n) * K);
        std::vector<int> count(K, 0);
        for (int s = 0; s < n; ++s) {
          const int c = one_hot_class(d.target(s), K);
          ASSERT_GE(c, 0) << "sample " << s;
          EXPECT_EQ(c, s % K);  // classes take turns
          ++count[c];
          EXPECT_TRUE(std::isfinite(d.input(s)[0]) && std::isfinite(d.input(s)[1]));
          EXPECT_LE(std::fabs(d.input(s)[0]), 1.5);
          EXPECT_LE(std::fabs(d.input(s)[1]), 1.5);
        }
        for (int c = 0; c < K; ++c) {  // n/K each, the first n mod K classes one more
          EXPECT_GE(count[c], n / K) << "class " << c;
          EXPECT_LE(count[c], n / K + 1) << "class " << c;
        }
      }
      bp::Dataset a = bp::generate_dataset(kind, 300, noise, 9);
      EXPECT_TRUE(bptest::same_dataset(a, bp::generate_dataset(kind, 300, noise, 9)));
      if (noise > 0 || kind != DatasetKind::Spiral3) {
        EXPECT_NE(a.x, bp::generate_dataset(kind, 300, noise, 10).x);
      }
    }
  }
}

TEST(Generators, ManyClassesGeometryWithoutNoise) {
  const int n = 600;
  for (DatasetKind kind : {DatasetKind::Blobs3, DatasetKind::Blobs4}) {
    const int K = bp::dataset_kinds()[static_cast<int>(kind)].classes;
    bp::Dataset d = bp::generate_dataset(kind, n, 0.0, 4);
    std::vector<double> m1(K, 0), m2(K, 0);
    for (int s = 0; s < n; ++s) {
      const int c = one_hot_class(d.target(s), K);
      m1[c] += d.input(s)[0] * K / n;
      m2[c] += d.input(s)[1] * K / n;
    }
    for (int c = 0; c < K; ++c) {
      double e1, e2;  // the documented centres
      if (K == 3) {
        e1 = 0.55 * std::cos(kPi / 2 + c * 2 * kPi / 3);
        e2 = 0.55 * std::sin(kPi / 2 + c * 2 * kPi / 3);
      } else {
        e1 = c == 0 || c == 3 ? 0.5 : -0.5;
        e2 = c < 2 ? 0.5 : -0.5;
      }
      // The mean of n/K draws with σ = 0.2 is within 4σ/√(n/K) ≈ 0.06 of the centre.
      EXPECT_NEAR(m1[c], e1, 0.06) << "class " << c;
      EXPECT_NEAR(m2[c], e2, 0.06) << "class " << c;
    }
  }
  // spiral3: arm k is the curve r = s, angle = 2.5π s + 2πk/3 with s = (index div 3) / (n div 3).
  bp::Dataset d = bp::generate_dataset(DatasetKind::Spiral3, n, 0.0, 4);
  for (int idx = 0; idx < n; ++idx) {
    const int k = idx % 3;
    const double s = double(idx / 3) / (n / 3), a = 2.5 * kPi * s + k * 2 * kPi / 3;
    EXPECT_NEAR(d.input(idx)[0], s * std::sin(a), 1e-12);
    EXPECT_NEAR(d.input(idx)[1], s * std::cos(a), 1e-12);
    EXPECT_NEAR(std::hypot(d.input(idx)[0], d.input(idx)[1]), s, 1e-12);
  }
}

TEST(Generators, RegressionNoisePerturbsTargets) {
  bp::Dataset d = bp::generate_dataset(DatasetKind::Plane, 200, 0.5, 4);
  double off = 0;
  for (int s = 0; s < d.size(); ++s)
    off = std::max(off, std::fabs(d.target(s)[0] - (d.input(s)[0] + d.input(s)[1]) / 2));
  EXPECT_GT(off, 1e-3);
}

bp::Dataset numbered(int n) {
  bp::Dataset d;
  d.n_inputs = 2;
  d.n_targets = 1;
  for (int s = 0; s < n; ++s) {
    double x[2] = {double(s), -double(s)}, t = s % 2;
    d.add(x, &t);
  }
  return d;
}

std::vector<int> ids(const bp::Dataset& d) {
  std::vector<int> v;
  for (int s = 0; s < d.size(); ++s) v.push_back(int(d.input(s)[0]));
  return v;
}

TEST(Split, SizesAreRoundedFractions) {
  const bp::Dataset all = numbered(10);
  const struct {
    double f;
    int train;
  } cases[] = {{0.8, 8}, {0.33, 3}, {0.67, 7}, {0.0, 0}, {1.0, 10}, {1.5, 10}, {-1.0, 0}};
  for (const auto& c : cases) {
    bp::Dataset train, test;
    bp::split_dataset(all, c.f, 5, &train, &test);
    EXPECT_EQ(train.size(), c.train) << c.f;
    EXPECT_EQ(test.size(), 10 - c.train) << c.f;
    EXPECT_EQ(train.n_inputs, 2);
    EXPECT_EQ(test.n_targets, 1);
  }
}

TEST(Split, IsADeterministicShuffleOfTheRows) {
  const bp::Dataset all = numbered(100);
  bp::Dataset tr1, te1, tr2, te2, tr3, te3;
  bp::split_dataset(all, 0.7, 5, &tr1, &te1);
  bp::split_dataset(all, 0.7, 5, &tr2, &te2);
  bp::split_dataset(all, 0.7, 6, &tr3, &te3);
  EXPECT_TRUE(bptest::same_dataset(tr1, tr2));
  EXPECT_TRUE(bptest::same_dataset(te1, te2));
  EXPECT_NE(ids(tr1), ids(tr3));
  // Every row appears exactly once, intact (input and target stay together).
  std::vector<int> seen = ids(tr1), more = ids(te1);
  seen.insert(seen.end(), more.begin(), more.end());
  std::vector<int> sorted = seen;
  std::sort(sorted.begin(), sorted.end());
  for (int s = 0; s < 100; ++s) EXPECT_EQ(sorted[s], s);
  std::vector<int> first70(seen.begin(), seen.begin() + 70);
  EXPECT_FALSE(std::is_sorted(first70.begin(), first70.end()));  // shuffled, not a prefix
  for (const bp::Dataset* d : {&tr1, &te1})
    for (int s = 0; s < d->size(); ++s) {
      int id = int(d->input(s)[0]);
      EXPECT_EQ(d->input(s)[1], -double(id));
      EXPECT_EQ(d->target(s)[0], double(id % 2));
    }
}

TEST(Split, ShuffledIndicesIsADeterministicPermutation) {
  bp::Rng a(17), b(17), c(18);
  const std::vector<int> pa = bp::shuffled_indices(50, &a), pb = bp::shuffled_indices(50, &b);
  const std::vector<int> pc = bp::shuffled_indices(50, &c);
  EXPECT_EQ(pa, pb);
  EXPECT_NE(pa, pc);
  std::vector<int> sorted = pa;
  std::sort(sorted.begin(), sorted.end());
  for (int k = 0; k < 50; ++k) EXPECT_EQ(sorted[k], k);
  EXPECT_FALSE(std::is_sorted(pa.begin(), pa.end()));
  EXPECT_TRUE(bp::shuffled_indices(0, &a).empty());
  EXPECT_EQ(bp::shuffled_indices(1, &a), std::vector<int>{0});
}

}  // namespace
