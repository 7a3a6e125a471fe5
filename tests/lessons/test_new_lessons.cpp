// Lessons 4b (the chain rule as a graph), 10b (cross-entropy against ½SSE) and 10c (several
// classes): every number their texts state, computed by the lab and compared with hand-derived
// values and central differences, and a walk-through of each by a simulated learner who types
// every prediction before the inspector's walk (and the Graph tab with it) reveals it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "graph_terms.h"
#include "learner.h"

namespace {

using lab::InspectorPhase;
using lessons_test::Learner;

double sigmoid(double t) { return 1 / (1 + std::exp(-t)); }

// ∂E/∂p of the inspector's selected parameter (weight or bias) by central differences of the
// inspected sample's loss, moving every parameter as the landscape's click does and back.
double central_difference(Learner& l) {
  const std::vector<double> p = l.lab().network().params();
  const std::size_t k = l.lab().inspector().param_index();
  const double h = 1e-6;
  std::vector<double> q = p;
  q[k] = p[k] + h;
  EXPECT_TRUE(l.lab().set_params(q));
  l.runner().update(&l.lab());
  const double up = l.number("sample.loss");
  q[k] = p[k] - h;
  EXPECT_TRUE(l.lab().set_params(q));
  l.runner().update(&l.lab());
  const double down = l.number("sample.loss");
  EXPECT_TRUE(l.lab().set_params(p));
  l.runner().update(&l.lab());
  return (up - down) / (2 * h);
}

// Opens lesson `id` at step `step` (from 0), as a teacher's link does.
void open_at(Learner& l, const std::string& id, int step) {
  const bp::Status s = l.runner().open_at(lessons_test::course().find(id), step, &l.lab());
  ASSERT_TRUE(s) << s.message();
  l.runner().update(&l.lab());
}

// Presses the inspector's Next step until `step` (the Graph tab shares the walk).
void walk_to(Learner& l, int step) {
  l.lab().inspector().selection().step = step;
  l.runner().update(&l.lab());
}

// ---- 4b: the chain rule as a graph -------------------------------------------------------------

TEST(NewLessons, L04bNumbersOfTheSingleNeuron) {
  Learner l;
  l.open("chain-rule");
  // x₁ = 2, w1 = 0.5, b1.1 = −1, t = 1: θ = 0, y = 0.5, e = −0.5, E = ½e² = 0.125.
  EXPECT_DOUBLE_EQ(l.number("inspector.theta"), 0.0);
  EXPECT_DOUBLE_EQ(l.number("sample.output"), 0.5);
  EXPECT_DOUBLE_EQ(l.number("sample.loss"), 0.125);
  // Backward: ∂E/∂y = e, δ = e·y(1 − y), ∂E/∂w1 = δ·x₁, ∂E/∂b1.1 = δ.
  EXPECT_DOUBLE_EQ(l.number("inspector.dE_dy"), -0.5);
  EXPECT_DOUBLE_EQ(l.number("inspector.dE_dtheta"), -0.125);
  EXPECT_DOUBLE_EQ(l.number("inspector.gradient"), -0.25);
  EXPECT_NEAR(central_difference(l), -0.25, 1e-8);
  // The graph's gates and their local factors: × by the other input x₁ = 2, + by 1, f by
  // f′(0) = 0.25, and E hands down ∂E/∂y = e.
  const lab::Inspector& in = l.lab().inspector();
  const bp::ParamPath p =
      bp::param_path(l.lab().network(), l.lab().trainer().loss(), in.trace(), in.param_index());
  ASSERT_EQ(p.gates.size(), 3u);
  ASSERT_TRUE(p.reaches_loss);
  EXPECT_EQ(p.gates[0].kind, bp::GateKind::Multiply);
  EXPECT_DOUBLE_EQ(p.gates[0].value, 1.0);  // w1·x₁
  EXPECT_DOUBLE_EQ(p.gates[0].local, 2.0);
  EXPECT_DOUBLE_EQ(p.gates[0].grad_out, -0.25);
  EXPECT_EQ(p.gates[1].kind, bp::GateKind::Add);
  EXPECT_DOUBLE_EQ(p.gates[1].local, 1.0);
  EXPECT_DOUBLE_EQ(p.gates[1].grad, -0.125);
  EXPECT_EQ(p.gates[2].kind, bp::GateKind::Activation);
  EXPECT_DOUBLE_EQ(p.gates[2].local, 0.25);
  EXPECT_DOUBLE_EQ(p.gates[2].grad, -0.5);
  EXPECT_DOUBLE_EQ(p.loss.value, 0.125);
  EXPECT_DOUBLE_EQ(p.loss.local, -0.5);
  // The bias: ∂E/∂b1.1 = δ, against a central difference of E(b1.1).
  ASSERT_TRUE(l.lab().inspector().select_bias(1, 0));
  l.runner().update(&l.lab());
  EXPECT_EQ(std::get<std::string>(l.state().at("inspector.weight")), "b1.1");
  EXPECT_DOUBLE_EQ(l.number("inspector.gradient"), -0.125);
  EXPECT_NEAR(central_difference(l), -0.125, 1e-8);
}

TEST(NewLessons, L04bNumbersOfTheHiddenUnit) {
  Learner l;
  open_at(l, "chain-rule", 5);
  // w1 = 0.5, b1.1 = −1, w2 = −3, b2.1 = 1.5, x₁ = 2, t = 1.
  const bp::Trace& tr = l.lab().inspector().trace();
  EXPECT_DOUBLE_EQ(tr.theta[1][0], 0.0);
  EXPECT_DOUBLE_EQ(tr.y[1][0], 0.5);
  EXPECT_DOUBLE_EQ(tr.theta[2][0], 0.0);
  EXPECT_DOUBLE_EQ(tr.y[2][0], 0.5);
  EXPECT_DOUBLE_EQ(tr.dE_dtheta[2][0], -0.125);  // δ_o
  EXPECT_EQ(std::get<std::string>(l.state().at("inspector.weight")), "w1");
  EXPECT_DOUBLE_EQ(l.number("inspector.dE_dy"), 0.375);  // w2·δ_o
  EXPECT_DOUBLE_EQ(l.number("inspector.gradient"), 0.1875);
  EXPECT_NEAR(central_difference(l), 0.1875, 1e-8);
  // Above h: one path (h feeds only o), through o's ×, whose local factor towards y_h is w2.
  const bp::FanOut f = bp::fan_out(l.lab().network(), tr, 1, 0);
  ASSERT_EQ(f.terms.size(), 1u);
  EXPECT_DOUBLE_EQ(f.terms[0].weight, -3.0);
  EXPECT_DOUBLE_EQ(f.dE_dy, 0.375);
  const std::vector<bp::Gate> o =
      bp::unit_gates(l.lab().network(), l.lab().trainer().loss(), tr, 2, 0, 0, false);
  ASSERT_EQ(o.size(), 3u);
  EXPECT_DOUBLE_EQ(o[0].local, -3.0);
  EXPECT_DOUBLE_EQ(o[0].grad_out, 0.375);
}

// Each revealed_by of lesson 4b is the first walk step at which the Graph tab (and the inspector)
// shows the answer: the graph view reveals a gate's numbers through Inspector::revealed.
TEST(NewLessons, L04bRevealStepsAreTheFirstThatShowTheAnswer) {
  Learner l;
  l.open("chain-rule");
  const lab::Inspector& in = l.lab().inspector();
  const auto shows = [&](int step, InspectorPhase phase, int layer) {
    walk_to(l, step);
    return in.revealed(phase, layer);
  };
  // One neuron (L = 2): E with the forward pass at 1; ∂E/∂y, δ at 2; ∂E/∂w and ∂E/∂b at 4 (δ,
  // which is ∂E/∂b, already at 2).
  EXPECT_FALSE(shows(0, InspectorPhase::Forward, 1));
  EXPECT_TRUE(shows(1, InspectorPhase::Forward, 1));
  EXPECT_FALSE(shows(1, InspectorPhase::BackwardTheta, 1));
  EXPECT_TRUE(shows(2, InspectorPhase::BackwardTheta, 1));
  EXPECT_FALSE(shows(3, InspectorPhase::BackwardW, 1));
  EXPECT_TRUE(shows(4, InspectorPhase::BackwardW, 1));
  // With the hidden unit (L = 3): ∂E/∂y_h is sent down at 4, ∂E/∂w1 at 8.
  open_at(l, "chain-rule", 5);
  EXPECT_FALSE(shows(3, InspectorPhase::BackwardY, 2));
  EXPECT_TRUE(shows(4, InspectorPhase::BackwardY, 2));
  EXPECT_FALSE(shows(7, InspectorPhase::BackwardW, 1));
  EXPECT_TRUE(shows(8, InspectorPhase::BackwardW, 1));
}

TEST(NewLessons, L04bWalkthrough) {
  Learner l;
  l.open("chain-rule");
  // Typed values are worked out by hand, as the hints do, not read back from the lab.
  l.expect_not_done();
  l.type(0.125);  // E
  walk_to(l, 1);
  l.next();
  EXPECT_EQ(l.lab().inspector().selection().step, 0) << "the step's select restarts the walk";
  l.type(-0.5);  // ∂E/∂y
  l.next();
  l.type(-0.125);  // δ
  l.next();
  l.type(-0.3);  // a wrong ∂E/∂w1 does not count
  l.expect_not_done();
  l.type(-0.25);  // ∂E/∂w1
  l.next();
  l.type(-0.125);  // ∂E/∂b1.1, typed before the bias is selected
  l.expect_not_done();
  ASSERT_TRUE(l.lab().inspector().select_bias(1, 0));
  l.runner().update(&l.lab());
  l.next();
  l.expect_not_done();
  l.type(0.375);  // ∂E/∂y_h = w2·δ_o
  l.next();
  l.type(0.1875);  // ∂E/∂w1
  l.next();
  l.next();
}

// An answer typed while the graph already shows it does not count, and counts once the walk is
// stepped back.
TEST(NewLessons, L04bAnswersCountOnlyBeforeTheGraphShowsThem) {
  Learner l;
  l.open("chain-rule");
  l.type(0.125);
  l.next();
  walk_to(l, 2);
  l.type(-0.5);
  EXPECT_FALSE(l.runner().task_done());
  EXPECT_TRUE(l.runner().answer_refused());
  walk_to(l, 1);
  EXPECT_TRUE(l.runner().task_done());
}

// ---- 10b: cross-entropy against ½SSE ----------------------------------------------------------

constexpr double kSaturatedY = 0.0024726231566347743;  // f(−6) = 1/(1 + e⁶)

TEST(NewLessons, L10bNumbersAtTheSaturatedStart) {
  EXPECT_DOUBLE_EQ(sigmoid(-6), kSaturatedY);
  Learner l;
  l.open("cross-entropy");
  // x₁ = 1, w1 = −4, b1.1 = −2: θ = −6; y = 0.00247, f′(θ) = y(1 − y) = 0.00247 (both to 3
  // figures, as the text states them).
  EXPECT_DOUBLE_EQ(l.number("inspector.theta"), -6.0);
  EXPECT_NEAR(l.number("sample.output"), kSaturatedY, 1e-15);
  EXPECT_NEAR(kSaturatedY, 0.00247, 5e-6);
  EXPECT_NEAR(kSaturatedY * (1 - kSaturatedY), 0.00247, 5e-6);
  // ½SSE: δ = (y − t)·y(1 − y).
  const double d_sse = (kSaturatedY - 1) * kSaturatedY * (1 - kSaturatedY);
  EXPECT_NEAR(l.number("inspector.dE_dtheta"), d_sse, 1e-15);
  EXPECT_NEAR(central_difference(l), d_sse, 1e-8) << "∂E/∂w1 = δ·x₁ = δ";
  // The hint's rounded numbers land inside the task's tolerance.
  EXPECT_LT(std::abs((0.00247 - 1) * 0.00247 * (1 - 0.00247) - d_sse), 1e-5);
  // The goal asks for at least 3 significant figures: −0.00246 passes.
  EXPECT_LT(std::abs(-0.00246 - d_sse), 1e-5);
  // Cross-entropy, same start: δ = y − t, "about 400 times larger".
  open_at(l, "cross-entropy", 2);
  EXPECT_EQ(std::get<std::string>(l.state().at("loss")), "bce");
  EXPECT_NEAR(l.number("sample.output"), kSaturatedY, 1e-15);
  EXPECT_NEAR(l.number("inspector.dE_dtheta"), kSaturatedY - 1, 1e-15);
  // The text: with t = 1, ∂E/∂y = −1/y, "about −404, shown in the inspector".
  EXPECT_NEAR(l.number("inspector.dE_dy"), -1 / kSaturatedY, 1e-9);
  EXPECT_NEAR(l.number("inspector.dE_dy"), -404, 0.5);
  // The goal asks for 5 decimal places: −0.99753 passes the task's 1e-5, 3 figures would not.
  EXPECT_LT(std::abs(-0.99753 - (kSaturatedY - 1)), 1e-5);
  EXPECT_GT(std::abs(-0.998 - (kSaturatedY - 1)), 1e-5);
  EXPECT_NEAR(central_difference(l), kSaturatedY - 1, 1e-7);
  const double ratio = (kSaturatedY - 1) / d_sse;
  std::printf("10b: delta ratio CE/SSE = %.1f\n", ratio);
  EXPECT_NEAR(ratio, 400, 10);
}

// Iterations until y passes 0.5, from the saturated start, playing at the step's speed.
long long iterations_to_half(Learner& l) {
  l.play_until_done(20000);
  return l.lab().trainer().iteration();
}

TEST(NewLessons, L10bWalkthroughAndTheIterationsItStates) {
  Learner l;
  l.open("cross-entropy");
  l.expect_not_done();
  l.type((0.00247 - 1) * 0.00247 * (1 - 0.00247));  // the hint's numbers
  l.next();
  l.expect_not_done();
  const long long sse = iterations_to_half(l);
  l.next();
  l.expect_not_done();
  l.type(0.00247 - 1);
  l.next();
  l.expect_not_done();
  const long long ce = iterations_to_half(l);
  std::printf("10b: iterations to y > 0.5: half-sse %lld, bce %lld\n", sse, ce);
  EXPECT_EQ(sse, 426) << "the text states 426";
  EXPECT_EQ(ce, 7) << "the text states 7";
  l.next();
  l.next();
}

// ---- 10c: several classes ----------------------------------------------------------------------

TEST(NewLessons, L10cSoftmaxNumbers) {
  Learner l;
  l.open("several-classes");
  // The inspected sample is x = (1, 0) of class 0: θ = (2, 1, 0.1).
  const int k = l.lab().inspector().sample();
  const double* x = l.lab().raw_train().input(k);
  EXPECT_EQ(x[0], 1.0);
  EXPECT_EQ(x[1], 0.0);
  EXPECT_EQ(std::get<std::string>(l.state().at("loss")), "ce");
  EXPECT_EQ(std::get<std::string>(l.state().at("output_activation")), "softmax");
  const bp::Trace& tr = l.lab().inspector().trace();
  EXPECT_DOUBLE_EQ(tr.theta[1][0], 2.0);
  EXPECT_DOUBLE_EQ(tr.theta[1][1], 1.0);
  EXPECT_DOUBLE_EQ(tr.theta[1][2], 0.1);
  const double z = std::exp(2.0) + std::exp(1.0) + std::exp(0.1);
  const double y[3] = {std::exp(2.0) / z, std::exp(1.0) / z, std::exp(0.1) / z};
  for (int c = 0; c < 3; ++c)
    EXPECT_NEAR(l.number("sample.outputs." + std::to_string(c)), y[c], 1e-15);
  EXPECT_NEAR(l.number("sample.targets.0"), 1.0, 0);
  // The hints' rounded values: y₁ 0.659, y₂ 0.242, 1 − 0.659 − 0.242 within the task's 0.001.
  EXPECT_NEAR(y[0], 0.659, 5e-4);
  EXPECT_NEAR(y[1], 0.242, 5e-4);
  EXPECT_LT(std::abs(1 - 0.659 - 0.242 - y[2]), 0.001);
  EXPECT_NEAR(7.389 / (7.389 + 2.718 + 1.105), y[0], 0.001);
  // E = −ln y₁ and δ_k = y_k − t_k, against central differences.
  EXPECT_NEAR(l.number("sample.loss"), -std::log(y[0]), 1e-15);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(tr.dE_dtheta[1][c], y[c] - (c == 0), 1e-15);
  // The text: units 2 and 3 get δ = y_k although the inspector's table shows their ∂E/∂y as 0,
  // printed −0.000000 (−t/y with t = 0).
  for (int c = 1; c < 3; ++c) {
    EXPECT_EQ(tr.dE_dy[1][c], 0.0);
    EXPECT_TRUE(std::signbit(tr.dE_dy[1][c]));
  }
  EXPECT_NEAR(central_difference(l), (y[0] - 1) * 1.0, 1e-8) << "∂E/∂w1 = δ₁·x₁";
}

TEST(NewLessons, L10cWalkthrough) {
  Learner l;
  l.open("several-classes");
  l.expect_not_done();
  walk_to(l, 1);
  l.type(0.659);
  EXPECT_FALSE(l.runner().task_done()) << "the inspector shows y₁ at step 1";
  EXPECT_TRUE(l.runner().answer_refused());
  walk_to(l, 0);
  l.next();
  l.expect_not_done();
  l.type(1 - 0.659 - 0.242);
  l.next();
  l.type(0.659 - 1);
  l.next();
  // Three blobs, no hidden layer: class 0 at the top, class 1 lower left, class 2 lower right.
  double mean[3][2] = {};
  int count[3] = {};
  const bp::Dataset& raw = l.lab().raw_train();
  ASSERT_EQ(raw.n_targets, 3);
  for (int m = 0; m < raw.size(); ++m) {
    const int c = int(std::max_element(raw.target(m), raw.target(m) + 3) - raw.target(m));
    mean[c][0] += raw.input(m)[0] / raw.size();
    mean[c][1] += raw.input(m)[1] / raw.size();
    ++count[c];
  }
  EXPECT_GT(mean[0][1], 0.1);
  EXPECT_LT(mean[1][0], -0.1);
  EXPECT_LT(mean[1][1], -0.05);
  EXPECT_GT(mean[2][0], 0.1);
  EXPECT_LT(mean[2][1], -0.05);
  EXPECT_EQ(count[2], 61) << "the task counts 61 + 3 points in row 2";
  l.expect_not_done();
  l.play_until_done(20000);
  std::printf("10c: blobs3 at accuracy %.4f after %lld epochs (%lld iterations)\n",
              l.number("accuracy_train"), (long long)l.number("epoch"), (long long)l.number("iteration"));
  EXPECT_EQ(l.number("epoch"), 5) << "the hint says about 5 epochs";
  l.next();
  const lab::LabState s = lab::snapshot(l.lab());
  int wrong = 0;
  for (int t = 0; t < 3; ++t)
    for (int p = 0; p < 3; ++p)
      if (t != p) wrong += s.confusion[3 * t + p];
  std::printf("10c: %d of %d training points wrong; row 2 = %d %d %d\n", wrong, s.samples_train,
              s.confusion[6], s.confusion[7], s.confusion[8]);
  EXPECT_GT(wrong, 0) << "a matrix with nothing off the diagonal teaches little";
  l.expect_not_done();
  l.type(wrong + 1);
  l.expect_not_done();
  l.type(wrong);
  l.next();
  // Three class-2 points at class 0's centre (0, 0.55).
  l.expect_not_done();
  for (int n = 0; n < 3; ++n) {
    l.expect_not_done();
    ASSERT_TRUE(l.lab().add_class_point(0.0, 0.55, 2));
  }
  l.runner().update(&l.lab());
  EXPECT_EQ(l.lab().settings().outputs, 3) << "the points keep the three classes";
  l.next();
  l.expect_not_done();
  l.play_until_done(20000);
  std::printf("10c: spiral3 at accuracy %.4f after %lld epochs\n", l.number("accuracy_train"),
              (long long)l.number("epoch"));
  l.next();
  l.next();
}

}  // namespace
