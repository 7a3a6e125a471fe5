// The update rule term by term (update_rule.h) and Trainer::preview_update: the terms by hand, and
// the preview against what step() then does, bit for bit, with L1, L2 and momentum on, mid-epoch,
// across short last batches and after the hyperparameters change.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <type_traits>
#include <vector>

#include "init.h"
#include "rng.h"
#include "test_util.h"
#include "trainer.h"
#include "update_rule.h"

namespace {

static_assert(std::is_copy_constructible_v<bp::Trainer> && std::is_copy_assignable_v<bp::Trainer>,
              "the lab copies trainers (the preview needs no mutable state)");

using bp::ActivationId;
using bptest::hp;
using bp::UpdateTerms;

// Bitwise equality, so that −0 ≠ +0 and a NaN equals the same NaN.
::testing::AssertionResult same_bits(double a, double b) {
  if (std::memcmp(&a, &b, sizeof a) == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " and " << b << " differ in their bits";
}

TEST(UpdateRule, TermsOfAWeightByHand) {
  // w = 0.5, ∂E/∂w = 0.2, v = −0.04, λ₁ = 0.01, λ₂ = 0.1, μ = 0.9, η = 0.5:
  // g = 0.2 + (0.1·0.5 + 0.01·1) = 0.26, v ← 0.9·(−0.04) − 0.5·0.26 = −0.166, w ← 0.334.
  const UpdateTerms u = bp::update_terms(0.5, 0.2, true, -0.04, hp(0.5, 0.9, 1, 0.01, 0.1));
  EXPECT_EQ(u.w, 0.5);
  EXPECT_EQ(u.g_loss, 0.2);
  EXPECT_EQ(u.g_l1, 0.01);
  EXPECT_EQ(u.g_l2, 0.05);
  EXPECT_NEAR(u.g, 0.26, 1e-16);
  EXPECT_EQ(u.v_old, -0.04);
  EXPECT_NEAR(u.v_new, -0.166, 1e-16);
  EXPECT_NEAR(u.w_new, 0.334, 1e-16);
  // A negative weight pulls the other way; sign(0) = 0 leaves L1 out.
  const UpdateTerms neg = bp::update_terms(-2.0, 0.0, true, 0.0, hp(0.5, 0.9, 1, 0.01, 0.1));
  EXPECT_EQ(neg.g_l1, -0.01);
  EXPECT_EQ(neg.g_l2, -0.2);
  EXPECT_EQ(bp::update_terms(0.0, 0.0, true, 0.0, hp(0.5, 0.9, 1, 0.01, 0.1)).g_l1, 0.0);
}

TEST(UpdateRule, BiasesAndZeroRatesHaveNoPenalty) {
  const UpdateTerms b = bp::update_terms(0.5, 0.2, false, 0.0, hp(0.5, 0.0, 1, 0.01, 0.1));
  EXPECT_EQ(b.g_l1, 0.0);
  EXPECT_EQ(b.g_l2, 0.0);
  EXPECT_EQ(b.g, 0.2);
  EXPECT_EQ(b.v_new, -0.1);
  EXPECT_EQ(b.w_new, 0.4);
  // With λ₁ = λ₂ = 0 g is ∂E/∂w itself, down to the sign of a zero.
  const UpdateTerms z = bp::update_terms(0.5, -0.0, true, 0.0, hp(0.5, 0.0, 1, 0, 0));
  EXPECT_TRUE(same_bits(z.g, -0.0));
}

// A 3-5-4-2 tanh/sigmoid network, L1 and L2 and momentum on, 23 samples in batches of 5 (the
// fifth batch of each epoch has 3), some weights exactly 0 (sign(0) = 0).
struct SmallNet {
  bp::Dataset data;
  bp::Network net;
  SmallNet() {
    bp::Rng rng(17);
    data.n_inputs = 3;
    data.n_targets = 2;
    for (int s = 0; s < 23; ++s) {
      const double x[3] = {rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)};
      const double t[2] = {rng.uniform(), rng.uniform()};
      data.add(x, t);
    }
    net = bptest::make_net({{3, ActivationId::Linear},
                            {5, ActivationId::Tanh},
                            {4, ActivationId::Tanh},
                            {2, ActivationId::Sigmoid}});
    bp::initialise(&net, bp::InitId::Xavier, 5);
    net.weight(1, 2, 1) = 0.0;
    net.weight(2, 3, 4) = 0.0;
  }
};

// The preview of every parameter against the step that follows it.
void expect_preview_is_the_step(bp::Trainer* trainer, const bp::Network& net, int iteration) {
  const std::vector<double> params = net.params(), velocity = trainer->velocity(),
                            gradient = trainer->gradient();
  const long long it = trainer->iteration();
  const int position = trainer->position();
  const std::vector<UpdateTerms> terms = trainer->preview_update_all();
  // The preview changed nothing.
  ASSERT_EQ(net.params(), params);
  ASSERT_EQ(trainer->velocity(), velocity);
  ASSERT_EQ(trainer->gradient(), gradient);
  ASSERT_EQ(trainer->iteration(), it);
  ASSERT_EQ(trainer->position(), position);
  ASSERT_EQ(terms.size(), params.size());

  trainer->step();
  for (std::size_t k = 0; k < terms.size(); ++k) {
    SCOPED_TRACE("iteration " + std::to_string(iteration) + ", parameter " + std::to_string(k));
    const UpdateTerms& u = terms[k];
    ASSERT_TRUE(same_bits(u.w, params[k]));
    ASSERT_TRUE(same_bits(u.v_old, velocity[k]));
    ASSERT_TRUE(same_bits(u.g, trainer->gradient()[k]));
    ASSERT_TRUE(same_bits(u.v_new, trainer->velocity()[k]));
    ASSERT_TRUE(same_bits(u.w_new, net.params()[k]));
    ASSERT_TRUE(same_bits(u.g, u.g_loss + (u.g_l2 + u.g_l1)));
    if (bp::has_penalty(trainer->hyperparams())) {  // on weights only (none is 0 by now)
      ASSERT_EQ(net.param_ref(k).is_bias(), u.g_l1 == 0 && u.g_l2 == 0);
    }
  }
}

TEST(TrainerPreview, EqualsTheNextStepBitForBit) {
  SmallNet s;
  bp::Trainer trainer(&s.net, bp::LossId::HalfSse, &s.data, 3, true);
  ASSERT_TRUE(trainer.set_hyperparams(hp(0.2, 0.8, 5, 1e-3, 1e-2)));
  // 12 steps: two epochs of 5 batches (5, 5, 5, 5, 3) and two steps into the third.
  for (int it = 0; it < 12; ++it) {
    if (it == 0) {
      // Before the first step two weights are exactly 0: no L1 term, only the bias rule differs.
      const std::vector<UpdateTerms> terms = trainer.preview_update_all();
      EXPECT_EQ(terms[s.net.param_index(1, 2, 1)].g_l1, 0.0);
      EXPECT_EQ(terms[s.net.param_index(2, 3, 4)].g_l1, 0.0);
      trainer.step();
      continue;
    }
    expect_preview_is_the_step(&trainer, s.net, it);
  }
  EXPECT_EQ(trainer.epoch(), 2);
  EXPECT_EQ(trainer.position(), 10);
}

TEST(TrainerPreview, FollowsHyperparameterChangesMidEpochAndTheCrossEntropyHead) {
  SmallNet s;
  bp::Network net = bptest::make_net(
      {{3, ActivationId::Linear}, {6, ActivationId::Relu}, {2, ActivationId::Softmax}});
  bp::initialise(&net, bp::InitId::He, 9);
  for (int row = 0; row < s.data.size(); ++row) {  // targets as distributions for ce
    double* t = s.data.t.data() + std::size_t(row) * 2;
    t[1] = 1 - t[0];
  }
  bp::Trainer trainer(&net, bp::LossId::Ce, &s.data, 8, true);
  ASSERT_TRUE(trainer.set_hyperparams(hp(0.1, 0.5, 4, 0, 0)));
  trainer.step();
  trainer.step();
  expect_preview_is_the_step(&trainer, net, 2);  // no penalties
  ASSERT_TRUE(trainer.set_hyperparams(hp(0.05, 0.9, 7, 2e-3, 0)));
  expect_preview_is_the_step(&trainer, net, 3);  // L1 only, batch size changed mid-epoch
  ASSERT_TRUE(trainer.set_hyperparams(hp(0.05, 0.9, 30, 0, 5e-2)));
  expect_preview_is_the_step(&trainer, net, 4);  // L2 only, the rest of the epoch as one batch
  EXPECT_EQ(trainer.position(), 0);
  EXPECT_EQ(trainer.epoch(), 1);
}

TEST(TrainerPreview, OneParameterEqualsThatEntryOfAll) {
  SmallNet s;
  bp::Trainer trainer(&s.net, bp::LossId::Mse, &s.data, 3, false);
  ASSERT_TRUE(trainer.set_hyperparams(hp(0.2, 0.8, 5, 1e-3, 1e-2)));
  trainer.step();
  const std::vector<UpdateTerms> all = trainer.preview_update_all();
  for (std::size_t k : {std::size_t(0), s.net.bias_index(1, 4), s.net.param_index(3, 1, 3),
                        s.net.num_params() - 1}) {
    const UpdateTerms one = trainer.preview_update(k);
    EXPECT_EQ(std::memcmp(&one, &all[k], sizeof one), 0) << "parameter " << k;
  }
}

}  // namespace
