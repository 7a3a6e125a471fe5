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
  ASSERT_EQ(kinds.size(), 6u);
  const char* names[] = {"circle", "xor", "gauss", "spiral", "plane", "sine"};
  const DatasetKind ids[] = {DatasetKind::Circle, DatasetKind::Xor,   DatasetKind::Gauss,
                             DatasetKind::Spiral, DatasetKind::Plane, DatasetKind::Sine};
  for (int k = 0; k < 6; ++k) {
    EXPECT_EQ(kinds[k].kind, ids[k]);
    EXPECT_EQ(std::string(kinds[k].name), names[k]);
    EXPECT_EQ(kinds[k].classification, k < 4) << names[k];
    EXPECT_EQ(bp::find_dataset_kind(names[k]), &kinds[k]);
  }
  EXPECT_EQ(bp::find_dataset_kind("moons"), nullptr);
}

TEST(Generators, SizesTargetsRangesAndDeterminism) {
  for (const bp::DatasetInfo& info : bp::dataset_kinds()) {
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
