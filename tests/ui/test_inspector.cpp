// The inspector: its walk's steps, the update it shows against the one the trainer makes, and its
// cached answers following the lab.
#include <gtest/gtest.h>

#include "gradcheck.h"
#include "inspector.h"
#include "lab.h"
#include "param_names.h"
#include "url_hash.h"

namespace {

using lab::InspectorPhase;

void open(lab::Lab* session, const char* hash) {
  lab::Settings s;
  ASSERT_TRUE(lab::decode_hash(hash, &s));
  ASSERT_TRUE(session->apply(s));
}

// The update the inspector shows for the trainer's next step is the one step() makes, to the last
// bit, with momentum and both penalties on (the terms a re-computation of v ← μ·v − η·g alone
// would leave out).
TEST(Inspector, BatchUpdateIsWhatStepDoes) {
  lab::Lab session;
  open(&session, "ds=xor&n=80&h=3&lr=0.3&mom=0.9&bs=7&l1=0.01&l2=0.02&seed=5");
  for (int k = 0; k < 13; ++k) session.step();  // mid-epoch, with velocity
  ASSERT_TRUE(session.inspector().select_weight(1, 2, 1));
  const bp::UpdateTerms u = session.inspector().batch_update();
  EXPECT_NE(u.g_l1, 0.0);
  EXPECT_NE(u.g_l2, 0.0);
  EXPECT_NE(u.v_old, 0.0);
  EXPECT_EQ(u.g, u.g_loss + (u.g_l2 + u.g_l1));
  EXPECT_EQ(u.w, session.network().weight(1, 2, 1));
  session.step();
  EXPECT_EQ(session.network().weight(1, 2, 1), u.w_new);
  EXPECT_EQ(session.trainer().velocity()[session.network().param_index(1, 2, 1)], u.v_new);
}

// With a batch of one, the one-sample illustration of the next batch's sample is the trainer's
// update (two code paths: the trace's chain rule and the batched kernel).
TEST(Inspector, OneSampleUpdateMatchesABatchOfOne) {
  lab::Lab session;
  open(&session, "ds=circle&n=40&h=4&lr=0.1&mom=0.5&bs=1&l2=0.01&seed=2");
  for (int k = 0; k < 5; ++k) session.step();
  ASSERT_TRUE(session.inspector().select_weight(2, 0, 3));
  session.inspector().selection().sample = session.trainer().next_batch()[0];
  const bp::UpdateTerms one = session.inspector().sample_update();
  const bp::UpdateTerms batch = session.inspector().batch_update();
  EXPECT_NEAR(one.g_loss, batch.g_loss, 1e-14);
  EXPECT_NEAR(one.w_new, batch.w_new, 1e-14);
}

TEST(Inspector, EveryStepRevealsWhatItComputesAndNothingLater) {
  lab::Lab session;
  open(&session, "ds=xor&h=3,2&seed=1");
  lab::Inspector& in = session.inspector();
  ASSERT_EQ(in.steps(), 1 + 4 * 3 + 1);
  for (int s = 0; s < in.steps(); ++s) {
    const lab::InspectorStep at = in.step_at(s);
    in.selection().step = s;
    EXPECT_TRUE(in.revealed(at.phase, at.layer)) << "step " << s;
    in.selection().step = s - 1;
    EXPECT_FALSE(in.revealed(at.phase, at.layer)) << "step " << s;
  }
  EXPECT_EQ(in.step_at(1).phase, InspectorPhase::Forward);
  EXPECT_EQ(in.step_at(4).phase, InspectorPhase::BackwardTheta);
  EXPECT_EQ(in.step_at(4).layer, 3);
  EXPECT_EQ(in.step_at(in.steps() - 1).phase, InspectorPhase::Update);
}

// Cached answers are recomputed when the weights, the selection or the hyperparameters change.
TEST(Inspector, CachedAnswersFollowTheLab) {
  lab::Lab session;
  open(&session, "ds=xor&n=40&h=2&lr=0.1&bs=5&seed=4");
  lab::Inspector& in = session.inspector();
  ASSERT_TRUE(in.select_weight(2, 0, 1));
  const double theta = in.trace().theta[2][0];
  const double slope = in.slope();
  const double next = in.batch_update().w_new;
  const double e0 = in.error_curve(-1, 1, 5)[2];
  ASSERT_TRUE(session.set_weight(2, 0, 1, session.network().weight(2, 0, 1) + 0.5));
  EXPECT_NE(in.trace().theta[2][0], theta);
  EXPECT_NE(in.slope(), slope);
  EXPECT_NE(in.batch_update().w_new, next);
  EXPECT_EQ(in.error_curve(-1, 1, 5)[2], e0) << "E(w) at w = 0 does not depend on w's value";
  bp::Hyperparams h = session.settings().hyper;
  const double before = in.batch_update().v_new;
  h.learning_rate = 0.2;
  ASSERT_TRUE(session.set_hyperparams(h));
  EXPECT_DOUBLE_EQ(in.batch_update().v_new, 2 * before);
  ASSERT_TRUE(in.select_weight(1, 1, 0));
  EXPECT_EQ(in.weight_name(), "w3");
  EXPECT_EQ(in.trace().theta[1][1], session.inspector().trace().theta[1][1]);
}

// While the lab trains, the inspector shows the state of the last evaluation of the losses
// (Lab::shown_revision: the page evaluates a large network a few times a second), every answer and
// the network it gives the graph view of the same moment; paused, every change at once.
TEST(Inspector, WhileTrainingFollowsTheEvaluations) {
  lab::Lab session;
  open(&session, "ds=xor&n=40&h=2&lr=0.1&mom=0.9&bs=5&seed=4");
  lab::Inspector& in = session.inspector();
  ASSERT_TRUE(in.select_weight(2, 0, 1));
  session.set_running(true);
  session.evaluate_and_record();
  const std::size_t k = session.network().param_index(2, 0, 1);
  const double w = session.network().params()[k];
  const double theta = in.trace().theta[2][0];
  const double v_new = in.sample_update().v_new;
  const double numeric = in.numerical_gradient();
  ASSERT_EQ(in.value(), w);
  ASSERT_EQ(session.train_up_to(7, 1e9), 7);
  ASSERT_NE(session.network().params()[k], w);
  EXPECT_EQ(in.value(), w) << "not evaluated since: the evaluated moment";
  EXPECT_EQ(in.network().params()[k], w) << "the graph view's weights too";
  EXPECT_EQ(in.trace().theta[2][0], theta);
  EXPECT_EQ(in.sample_update().v_new, v_new);
  EXPECT_EQ(in.numerical_gradient(), numeric);
  EXPECT_EQ(session.evaluated_iteration(), 0.0);
  session.evaluate_and_record();
  EXPECT_EQ(session.evaluated_iteration(), 7.0);
  EXPECT_EQ(in.value(), session.network().params()[k]);
  EXPECT_NE(in.trace().theta[2][0], theta);
  EXPECT_EQ(in.sample_update().v_old, session.trainer().velocity()[k]);
  bp::Network copy = session.network();
  const int one = in.sample();
  EXPECT_EQ(in.numerical_gradient(),
            bp::numerical_gradient(&copy, session.trainer().loss(), session.train_set(), &one, 1, k));
  session.set_running(false);
  ASSERT_EQ(session.train_up_to(1, 1e9), 1);
  EXPECT_EQ(in.value(), session.network().params()[k]) << "paused: at once";
}

// A bias is selected by its engine name's coordinates (input = −1); on one sample its gradient
// ∂E/∂b_j is δ_j = ∂E/∂θ_j and agrees with a central difference of the sample's loss; over the
// training set it is the slope of E(b).
TEST(Inspector, BiasGradientIsDeltaAndMatchesFiniteDifferences) {
  lab::Lab session;
  open(&session, "ds=xor&n=40&h=3,2&act=tanh&seed=3");
  for (int k = 0; k < 7; ++k) session.step();
  lab::Inspector& in = session.inspector();
  const bp::Network& net = session.network();
  EXPECT_FALSE(in.select_bias(0, 0)) << "the input layer has no biases";
  EXPECT_FALSE(in.select_bias(2, 2));
  for (int l = 1; l < net.num_layers(); ++l) {
    for (int j = 0; j < net.size(l); ++j) {
      ASSERT_TRUE(in.select_bias(l, j));
      in.selection().sample = 5;
      EXPECT_TRUE(in.selection().is_bias());
      EXPECT_EQ(in.weight_name(), bp::bias_name(l, j));
      EXPECT_EQ(in.param_index(), net.bias_index(l, j));
      EXPECT_EQ(in.value(), net.biases(l)[j]);
      EXPECT_EQ(in.input_value(), 1.0);
      EXPECT_EQ(in.sample_gradient(), in.trace().dE_dtheta[l][j]) << "∂E/∂b = δ exactly";
      bp::Network copy = net;
      const int sample = in.sample();
      const double numeric = bp::numerical_gradient(&copy, session.trainer().loss(), session.train_set(),
                                                    &sample, 1, net.bias_index(l, j));
      EXPECT_NEAR(in.sample_gradient(), numeric, 1e-8) << in.weight_name();
      std::vector<int> all(session.train_set().size());
      for (int s = 0; s < int(all.size()); ++s) all[s] = s;
      const double slope = bp::numerical_gradient(&copy, session.trainer().loss(), session.train_set(),
                                                  all.data(), int(all.size()), net.bias_index(l, j));
      EXPECT_NEAR(in.slope(), slope, 1e-8) << in.weight_name();
    }
  }
  ASSERT_TRUE(in.select_param(net.bias_index(2, 1)));
  EXPECT_EQ(in.weight_name(), "b2.2");
  ASSERT_TRUE(in.select_param(net.param_index(1, 2, 1)));
  EXPECT_FALSE(in.selection().is_bias());
  EXPECT_FALSE(in.select_param(net.num_params()));
}

// The update the inspector shows for a bias is what step() does to it, to the last bit; the L1
// and L2 penalties leave biases alone.
TEST(Inspector, BiasBatchUpdateIsWhatStepDoesWithoutPenalty) {
  lab::Lab session;
  open(&session, "ds=xor&n=80&h=3&lr=0.3&mom=0.9&bs=7&l1=0.01&l2=0.02&seed=5");
  for (int k = 0; k < 13; ++k) session.step();
  ASSERT_TRUE(session.inspector().select_bias(1, 2));
  const std::size_t k = session.network().bias_index(1, 2);
  const bp::UpdateTerms u = session.inspector().batch_update();
  EXPECT_EQ(u.g_l1, 0.0);
  EXPECT_EQ(u.g_l2, 0.0);
  EXPECT_EQ(u.g, u.g_loss);
  EXPECT_NE(u.v_old, 0.0);
  EXPECT_EQ(u.w, session.network().params()[k]);
  const bp::UpdateTerms one = session.inspector().sample_update();
  EXPECT_EQ(one.g, one.g_loss) << "no penalty on a bias in the one-sample illustration either";
  session.step();
  EXPECT_EQ(session.network().params()[k], u.w_new);
  EXPECT_EQ(session.trainer().velocity()[k], u.v_new);
}

}  // namespace
