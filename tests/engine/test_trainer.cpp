// Trainer: the momentum update and penalties by hand, batching and epochs, hyper-parameter
// validation, determinism, and that training actually reduces the loss.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <vector>

#include "generators.h"
#include "gradient.h"
#include "init.h"
#include "input_limits.h"
#include "test_util.h"
#include "trainer.h"

namespace {

using bp::ActivationId;
using bp::Hyperparams;
using bp::LossId;
using bp::Network;
using bp::Trainer;
using bptest::hp;

bp::Dataset one_sample(std::vector<double> x, std::vector<double> t) {
  bp::Dataset d;
  d.n_inputs = static_cast<int>(x.size());
  d.n_targets = static_cast<int>(t.size());
  d.add(x.data(), t.data());
  return d;
}

// n samples with input s and target 0: the sample index can be read back from the data.
bp::Dataset counting_set(int n) {
  bp::Dataset d;
  d.n_inputs = 1;
  d.n_targets = 1;
  for (int s = 0; s < n; ++s) {
    double x = s, t = 0;
    d.add(&x, &t);
  }
  return d;
}

TEST(Trainer, MomentumTwoIterationsByHand) {
  // y = w·x + b, w = 0.5, b = 0, one sample x = 2, t = 3, half-sse, η = 0.1, μ = 0.9.
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  net.params() = {0.5, 0.0};
  bp::Dataset d = one_sample({2}, {3});
  Trainer tr(&net, LossId::HalfSse, &d, 1, false);
  ASSERT_TRUE(tr.set_hyperparams(hp(0.1, 0.9, 1)).is_ok());
  // 1: y = 1, ∂E/∂y = −2, g = (−4, −2); v = −η g = (0.4, 0.2); w = 0.9, b = 0.2; E = 2.
  EXPECT_NEAR(tr.step(), 2.0, 1e-15);
  EXPECT_NEAR(tr.last_batch_loss(), 2.0, 1e-15);
  EXPECT_NEAR(tr.gradient()[0], -4.0, 1e-15);
  EXPECT_NEAR(tr.gradient()[1], -2.0, 1e-15);
  EXPECT_NEAR(tr.velocity()[0], 0.4, 1e-15);
  EXPECT_NEAR(tr.velocity()[1], 0.2, 1e-15);
  EXPECT_NEAR(net.params()[0], 0.9, 1e-15);
  EXPECT_NEAR(net.params()[1], 0.2, 1e-15);
  // 2: y = 2, ∂E/∂y = −1, g = (−2, −1); v = 0.9·(0.4, 0.2) + 0.1·(2, 1) = (0.56, 0.28);
  //    w = 1.46, b = 0.48; E = 0.5.
  EXPECT_NEAR(tr.step(), 0.5, 1e-15);
  EXPECT_NEAR(tr.velocity()[0], 0.56, 1e-15);
  EXPECT_NEAR(tr.velocity()[1], 0.28, 1e-15);
  EXPECT_NEAR(net.params()[0], 1.46, 1e-15);
  EXPECT_NEAR(net.params()[1], 0.48, 1e-15);
  EXPECT_EQ(tr.iteration(), 2);
  EXPECT_EQ(tr.epoch(), 2);  // one sample per epoch
}

TEST(Trainer, StepEqualsItsThreeParts) {
  Network a = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  a.params() = {0.5, 0.0};
  Network b = a;
  bp::Dataset d = one_sample({2}, {3});
  Trainer ta(&a, LossId::HalfSse, &d, 1, false), tb(&b, LossId::HalfSse, &d, 1, false);
  ASSERT_TRUE(ta.set_hyperparams(hp(0.1, 0.9, 1)).is_ok());
  ASSERT_TRUE(tb.set_hyperparams(hp(0.1, 0.9, 1)).is_ok());
  for (int k = 0; k < 3; ++k) {
    double ea = ta.step();
    tb.zero_grad();
    double eb = tb.forward_backward();
    EXPECT_EQ(tb.iteration(), k);  // forward_backward alone makes no update
    tb.update();
    EXPECT_EQ(ea, eb);
    EXPECT_EQ(a.params(), b.params());
  }
}

// 2 → 1 linear, w = (0.5, −0.25), b = 0.1, x = (2, 1), t = 3: y = 0.85, ∂E/∂y = −2.15,
// ∂E/∂params = (−4.3, −2.15, −2.15). η = 0.1, μ = 0.
struct PenaltyCase {
  double l1, l2;
  std::vector<double> expected;  // params after one step
};

TEST(Trainer, PenaltiesApplyToWeightsOnly) {
  const PenaltyCase cases[] = {
      // No penalty: params − η g.
      {0, 0, {0.5 + 0.43, -0.25 + 0.215, 0.1 + 0.215}},
      // L2: g_w += 0.1·w = (0.05, −0.025) → g_w = (−4.25, −2.175); b untouched by the penalty.
      {0, 0.1, {0.5 + 0.425, -0.25 + 0.2175, 0.1 + 0.215}},
      // L1: g_w += 0.1·sign(w) = (0.1, −0.1) → g_w = (−4.2, −2.25).
      {0.1, 0, {0.5 + 0.42, -0.25 + 0.225, 0.1 + 0.215}},
      // Both.
      {0.1, 0.1, {0.5 + 0.415, -0.25 + 0.2275, 0.1 + 0.215}},
  };
  for (const PenaltyCase& c : cases) {
    SCOPED_TRACE("l1 = " + std::to_string(c.l1) + ", l2 = " + std::to_string(c.l2));
    Network net = bptest::make_net({{2, ActivationId::Linear}, {1, ActivationId::Linear}});
    net.params() = {0.5, -0.25, 0.1};
    bp::Dataset d = one_sample({2, 1}, {3});
    Trainer tr(&net, LossId::HalfSse, &d, 1, false);
    ASSERT_TRUE(tr.set_hyperparams(hp(0.1, 0, 1, c.l1, c.l2)).is_ok());
    tr.step();
    for (int p = 0; p < 3; ++p) EXPECT_NEAR(net.params()[p], c.expected[p], 1e-14) << p;
  }
}

TEST(Trainer, IterationsPerEpochAndCounters) {
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  bp::Dataset d = counting_set(500);
  Trainer tr(&net, LossId::HalfSse, &d, 3, true);
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-6, 0, 250)).is_ok());
  EXPECT_EQ(tr.iterations_per_epoch(), 2);
  tr.run_epoch();
  EXPECT_EQ(tr.iteration(), 2);
  EXPECT_EQ(tr.epoch(), 1);
  EXPECT_EQ(tr.position(), 0);
  tr.step();
  EXPECT_EQ(tr.position(), 250);
  tr.run_epoch();  // finishes the current epoch only
  EXPECT_EQ(tr.iteration(), 4);
  EXPECT_EQ(tr.epoch(), 2);
  // Batch larger than the set: the whole set.
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-6, 0, 100000)).is_ok());
  EXPECT_EQ(tr.iterations_per_epoch(), 1);
  EXPECT_EQ(tr.next_batch().size(), 500u);
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-6, 0, 7)).is_ok());
  EXPECT_EQ(tr.iterations_per_epoch(), 72);  // ⌈500 / 7⌉
}

TEST(Trainer, LastBatchIsSmallerAndFileOrderIsKept) {
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  bp::Dataset d = counting_set(10);
  Trainer tr(&net, LossId::HalfSse, &d, 3, false);
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-3, 0, 4)).is_ok());
  EXPECT_EQ(tr.iterations_per_epoch(), 3);
  const std::vector<std::vector<int>> expected = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}, {0, 1, 2, 3}};
  const int positions[] = {4, 8, 0, 4};
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(tr.next_batch(), expected[k]) << "batch " << k;
    tr.step();
    EXPECT_EQ(tr.position(), positions[k]) << "batch " << k;
  }
  EXPECT_EQ(tr.epoch(), 1);
  EXPECT_EQ(tr.iteration(), 4);
}

TEST(Trainer, ShuffledEpochIsAPermutation) {
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  bp::Dataset d = counting_set(10);
  Trainer tr(&net, LossId::HalfSse, &d, 5, true);
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-3, 0, 4)).is_ok());
  std::vector<int> seen, first_epoch;
  bool reordered = false;
  for (int epoch = 0; epoch < 3; ++epoch) {
    seen.clear();
    for (int k = 0; k < 3; ++k) {
      std::vector<int> b = tr.next_batch();
      EXPECT_EQ(b.size(), k < 2 ? 4u : 2u);
      seen.insert(seen.end(), b.begin(), b.end());
      tr.step();
    }
    std::vector<int> sorted = seen;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> all(10);
    std::iota(all.begin(), all.end(), 0);
    EXPECT_EQ(sorted, all) << "epoch " << epoch;
    if (epoch == 0) first_epoch = seen;
    else reordered = reordered || seen != first_epoch;
  }
  EXPECT_TRUE(reordered);  // redrawn every epoch
}

TEST(Trainer, SetHyperparamsMidEpochKeepsState) {
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  net.params() = {0.3, 0.1};
  bp::Dataset d = counting_set(10);
  Trainer tr(&net, LossId::HalfSse, &d, 3, false);
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-3, 0.9, 4)).is_ok());
  tr.step();
  const std::vector<double> v = tr.velocity();
  const std::vector<double> p = net.params();
  ASSERT_NE(v[0], 0.0);
  ASSERT_TRUE(tr.set_hyperparams(hp(2e-3, 0.5, 3, 0.01, 0.01)).is_ok());
  EXPECT_EQ(tr.velocity(), v);
  EXPECT_EQ(net.params(), p);
  EXPECT_EQ(tr.position(), 4);
  EXPECT_EQ(tr.iteration(), 1);
  EXPECT_EQ(tr.epoch(), 0);
  EXPECT_EQ(tr.hyperparams().batch_size, 3);
  EXPECT_EQ(tr.next_batch(), (std::vector<int>{4, 5, 6}));
  // restart() zeroes velocity and counters.
  tr.restart();
  EXPECT_EQ(tr.iteration(), 0);
  EXPECT_EQ(tr.epoch(), 0);
  EXPECT_EQ(tr.position(), 0);
  for (double x : tr.velocity()) EXPECT_EQ(x, 0.0);
  EXPECT_EQ(tr.next_batch(), (std::vector<int>{0, 1, 2}));
}

// epochs_done() = epochs + samples used / N, by hand for N = 10: batch 4 (4, 8, then the last 2),
// changed to 3 mid-epoch, and 0 samples of an empty set.
TEST(Trainer, EpochsDoneCountsSamplesAcrossABatchSizeChange) {
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  bp::Dataset d = counting_set(10);
  Trainer tr(&net, LossId::HalfSse, &d, 3, false);
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-3, 0, 4)).is_ok());
  EXPECT_EQ(tr.epochs_done(), 0.0);
  tr.step();
  EXPECT_DOUBLE_EQ(tr.epochs_done(), 0.4);
  tr.step();
  tr.step();
  EXPECT_EQ(tr.epochs_done(), 1.0) << "8 + 2 samples: the epoch's short last batch";
  tr.step();
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-3, 0, 3)).is_ok());
  EXPECT_DOUBLE_EQ(tr.epochs_done(), 1.4);
  tr.step();
  tr.step();
  EXPECT_EQ(tr.epochs_done(), 2.0) << "4 + 3 + 3 samples";
  bp::Dataset empty = counting_set(0);
  Trainer none(&net, LossId::HalfSse, &empty, 3, false);
  EXPECT_EQ(none.epochs_done(), 0.0);
}

TEST(Trainer, ValidateRejectsBadHyperparams) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_TRUE(bp::validate(Hyperparams{}).is_ok());
  EXPECT_TRUE(bp::validate(hp(0.5, 0.99, 1, 0.1, 0.1)).is_ok());
  EXPECT_TRUE(bp::validate(hp(0.5, 0.0, bp::kMaxBatch)).is_ok());
  struct Bad {
    Hyperparams h;
    const char* field;
  };
  const Bad bad[] = {
      {hp(0.1, 0, 0), "batch"},       {hp(0.1, 0, -5), "batch"},
      {hp(0.1, 0, bp::kMaxBatch + 1), "batch"},
      {hp(0.1, 1.5, 10), "momentum"}, {hp(0.1, 1.0, 10), "momentum"},
      {hp(0.1, -0.1, 10), "momentum"}, {hp(0.1, nan, 10), "momentum"},
      {hp(-0.1, 0, 10), "learning"},  {hp(nan, 0, 10), "learning"},
      {hp(inf, 0, 10), "learning"},   {hp(bp::kMaxLearningRate * 2, 0, 10), "learning"},
      {hp(0.1, 0, 10, -1, 0), "l1"},  {hp(0.1, 0, 10, nan, 0), "l1"},
      {hp(0.1, 0, 10, 0, -1), "l2"},  {hp(0.1, 0, 10, 0, nan), "l2"},
      {hp(0.1, 0, 10, 0, inf), "l2"},
  };
  for (const Bad& b : bad) {
    bp::Status s = bp::validate(b.h);
    EXPECT_FALSE(s.is_ok()) << b.field;
    EXPECT_TRUE(bptest::contains(s.message(), b.field)) << s.message();
  }
  EXPECT_TRUE(bptest::contains(bp::validate(hp(0.1, 1.5, 10)).message(), "1.5"));

  // set_hyperparams refuses and changes nothing.
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  bp::Dataset d = counting_set(10);
  Trainer tr(&net, LossId::HalfSse, &d, 3, false);
  ASSERT_TRUE(tr.set_hyperparams(hp(0.2, 0.5, 4)).is_ok());
  EXPECT_FALSE(tr.set_hyperparams(hp(0.3, 1.5, 2)).is_ok());
  EXPECT_EQ(tr.hyperparams().learning_rate, 0.2);
  EXPECT_EQ(tr.hyperparams().momentum, 0.5);
  EXPECT_EQ(tr.hyperparams().batch_size, 4);
}

std::vector<double> train_gauss(std::uint64_t trainer_seed) {
  bp::Dataset d = bp::generate_dataset(bp::DatasetKind::Gauss, 100, 0.1, 1);
  Network net = bptest::make_net({{2, ActivationId::Linear}, {4, ActivationId::Tanh}, {1, ActivationId::Sigmoid}});
  bp::initialise(&net, bp::InitId::Xavier, 2);
  Trainer tr(&net, LossId::Bce, &d, trainer_seed, true);
  EXPECT_TRUE(tr.set_hyperparams(hp(0.1, 0.5, 10)).is_ok());
  for (int e = 0; e < 3; ++e) tr.run_epoch();
  return net.params();
}

TEST(Trainer, SameSeedSameResultDifferentSeedDifferent) {
  const std::vector<double> a = train_gauss(7), b = train_gauss(7), c = train_gauss(8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(Trainer, LossFallsOnGauss) {
  bp::Dataset d = bp::generate_dataset(bp::DatasetKind::Gauss, 200, 0.1, 11);
  Network net = bptest::make_net({{2, ActivationId::Linear}, {4, ActivationId::Tanh}, {1, ActivationId::Sigmoid}});
  bp::initialise(&net, bp::InitId::Xavier, 12);
  const bp::Loss& bce = bp::loss(LossId::Bce);
  const double before = bp::mean_loss(net, bce, d);
  Trainer tr(&net, LossId::Bce, &d, 13, true);
  ASSERT_TRUE(tr.set_hyperparams(hp(0.3, 0.9, 10)).is_ok());
  for (int e = 0; e < 30; ++e) tr.run_epoch();
  const double after = bp::mean_loss(net, bce, d);
  EXPECT_TRUE(net.is_finite());
  EXPECT_LT(after, 0.5 * before) << "before " << before << ", after " << after;
  EXPECT_LT(after, 0.2);
  // Training error: most samples on the right side of 0.5.
  bp::Trace trace;
  trace.resize(net);
  int right = 0;
  for (int s = 0; s < d.size(); ++s) {
    bp::forward(net, d.input(s), &trace);
    right += (trace.y[2][0] > 0.5) == (d.target(s)[0] > 0.5);
  }
  EXPECT_GT(right, 190);
}

TEST(Trainer, ZeroVelocityKeepsCountersAndParams) {
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Linear}});
  net.params() = {0.3, 0.1};
  bp::Dataset d = counting_set(10);
  Trainer tr(&net, LossId::HalfSse, &d, 3, false);
  ASSERT_TRUE(tr.set_hyperparams(hp(1e-3, 0.9, 4)).is_ok());
  tr.step();
  const std::vector<double> p = net.params();
  tr.zero_velocity();
  for (double x : tr.velocity()) EXPECT_EQ(x, 0.0);
  EXPECT_EQ(net.params(), p);
  EXPECT_EQ(tr.iteration(), 1);
  EXPECT_EQ(tr.position(), 4);
}

}  // namespace
