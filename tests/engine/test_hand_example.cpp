// Matt Mazur, "A Step by Step Backpropagation Example": a 2-2-2 sigmoid net with half-sse.
// Published values (to about 9 digits) are checked against the trace, the gradient and one
// training step with η = 0.5. Mazur leaves the biases fixed; the engine updates them, which does
// not change the weights after a single step.
#include <gtest/gtest.h>

#include <vector>

#include "gradient.h"
#include "pass.h"
#include "test_util.h"
#include "trainer.h"

namespace {

using bp::ActivationId;
using bp::LossId;
using bp::Network;

const double kTol = 1e-8;  // the published numbers are rounded to 8–9 decimals

// w1..w4 are W1[j][i] in the order (h1←i1, h1←i2, h2←i1, h2←i2); w5..w8 likewise for W2.
Network mazur_net() {
  Network net = bptest::make_net({{2, ActivationId::Linear}, {2, ActivationId::Sigmoid}, {2, ActivationId::Sigmoid}});
  net.weight(1, 0, 0) = 0.15;  // w1
  net.weight(1, 0, 1) = 0.20;  // w2
  net.weight(1, 1, 0) = 0.25;  // w3
  net.weight(1, 1, 1) = 0.30;  // w4
  net.biases(1)[0] = net.biases(1)[1] = 0.35;
  net.weight(2, 0, 0) = 0.40;  // w5
  net.weight(2, 0, 1) = 0.45;  // w6
  net.weight(2, 1, 0) = 0.50;  // w7
  net.weight(2, 1, 1) = 0.55;  // w8
  net.biases(2)[0] = net.biases(2)[1] = 0.60;
  return net;
}

const double kX[2] = {0.05, 0.10};
const double kT[2] = {0.01, 0.99};

TEST(HandExample, ParamsLayoutIsAsDocumented) {
  Network net = mazur_net();
  const std::vector<double> expected = {0.15, 0.20, 0.25, 0.30, 0.35, 0.35,
                                        0.40, 0.45, 0.50, 0.55, 0.60, 0.60};
  EXPECT_EQ(net.params(), expected);
}

TEST(HandExample, ForwardPass) {
  Network net = mazur_net();
  bp::Trace tr;
  tr.resize(net);
  bp::forward(net, kX, &tr);
  EXPECT_NEAR(tr.theta[1][0], 0.3775, 1e-15);  // net_h1 = 0.15·0.05 + 0.2·0.1 + 0.35
  EXPECT_NEAR(tr.theta[1][1], 0.3925, 1e-15);
  EXPECT_NEAR(tr.y[1][0], 0.593269992, kTol);  // out_h1
  EXPECT_NEAR(tr.y[1][1], 0.596884378, kTol);  // out_h2
  EXPECT_NEAR(tr.theta[2][0], 1.105905967, kTol);  // net_o1
  EXPECT_NEAR(tr.y[2][0], 0.75136507, kTol);   // out_o1
  EXPECT_NEAR(tr.y[2][1], 0.772928465, kTol);  // out_o2
}

TEST(HandExample, BackwardPass) {
  Network net = mazur_net();
  bp::Trace tr;
  tr.resize(net);
  bp::forward(net, kX, &tr);
  std::vector<double> g(net.num_params(), 0.0);
  bp::backward(net, bp::loss(LossId::HalfSse), kT, &tr, g.data(), 1.0);
  EXPECT_NEAR(tr.loss, 0.298371109, kTol);  // E_total = 0.274811083 + 0.023560026
  // Output layer: ∂E/∂out_o1 = out_o1 − t1, ∂E/∂net_o1 = that · out(1 − out).
  EXPECT_NEAR(tr.dE_dy[2][0], 0.74136507, kTol);
  EXPECT_NEAR(tr.dE_dy[2][1], -0.217071535, kTol);
  EXPECT_NEAR(tr.dE_dtheta[2][0], 0.74136507 * 0.186815602, kTol);  // δ_o1 ≈ 0.138498562
  EXPECT_NEAR(tr.dE_dtheta[2][1], -0.038098236, kTol);
  // Hidden: ∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = 0.036350306; ∂out_h1/∂net_h1 = 0.241300709.
  EXPECT_NEAR(tr.dE_dy[1][0], 0.036350306, kTol);
  EXPECT_NEAR(tr.dE_dtheta[1][0], 0.036350306 * 0.241300709, kTol);
  // Weight gradients.
  EXPECT_NEAR(g[net.weight_offset(2) + 0], 0.082167041, kTol);  // ∂E/∂w5
  EXPECT_NEAR(g[net.weight_offset(2) + 1], 0.082667628, kTol);  // ∂E/∂w6 = δ_o1 · out_h2
  EXPECT_NEAR(g[net.weight_offset(1) + 0], 0.000438568, kTol);  // ∂E/∂w1
  EXPECT_NEAR(g[net.bias_offset(2) + 0], tr.dE_dtheta[2][0], 1e-17);  // ∂E/∂b = ∂E/∂θ
}

TEST(HandExample, OneTrainingStep) {
  Network net = mazur_net();
  bp::Dataset data;
  data.n_inputs = 2;
  data.n_targets = 2;
  data.add(kX, kT);
  bp::Trainer trainer(&net, LossId::HalfSse, &data, 1, false);
  bp::Hyperparams h;
  h.learning_rate = 0.5;
  h.momentum = 0.0;
  h.batch_size = 1;
  ASSERT_TRUE(trainer.set_hyperparams(h).is_ok());
  double e = trainer.step();
  EXPECT_NEAR(e, 0.298371109, kTol);
  EXPECT_NEAR(trainer.gradient()[net.weight_offset(2)], 0.082167041, kTol);
  EXPECT_NEAR(net.weight(2, 0, 0), 0.35891648, kTol);   // w5
  EXPECT_NEAR(net.weight(2, 0, 1), 0.408666186, kTol);  // w6
  EXPECT_NEAR(net.weight(2, 1, 0), 0.511301270, kTol);  // w7
  EXPECT_NEAR(net.weight(2, 1, 1), 0.561370121, kTol);  // w8
  EXPECT_NEAR(net.weight(1, 0, 0), 0.149780716, kTol);  // w1
  EXPECT_NEAR(net.weight(1, 0, 1), 0.19956143, kTol);   // w2
  EXPECT_NEAR(net.weight(1, 1, 0), 0.24975114, kTol);   // w3
  EXPECT_NEAR(net.weight(1, 1, 1), 0.29950229, kTol);   // w4
  // The engine also moves the biases: b ← b − η·δ.
  EXPECT_NEAR(net.biases(2)[0], 0.60 - 0.5 * 0.138498562, kTol);
  EXPECT_NEAR(net.biases(1)[0], 0.35 - 0.5 * 0.036350306 * 0.241300709, kTol);
  // The error after the step is lower (Mazur: 0.291027924 after one step of weights only).
  EXPECT_LT(bp::mean_loss(net, trainer.loss(), data), 0.298371109);
}

TEST(HandExample, BatchGradientOfOneSampleEqualsBackward) {
  Network net = mazur_net();
  bp::Dataset data;
  data.n_inputs = 2;
  data.n_targets = 2;
  data.add(kX, kT);
  bp::Trace tr;
  tr.resize(net);
  std::vector<double> g(net.num_params(), 123.0);  // overwritten, not accumulated
  const int idx[1] = {0};
  double e = bp::batch_gradient(net, bp::loss(LossId::HalfSse), data, idx, 1, &tr, g.data());
  EXPECT_NEAR(e, 0.298371109, kTol);
  EXPECT_NEAR(g[net.weight_offset(2)], 0.082167041, kTol);
  EXPECT_NEAR(g[net.weight_offset(1) + 3], 0.000995425, kTol);  // ∂E/∂w4
}

}  // namespace
