// forward/backward of one sample against values worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "pass.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::LossId;
using bp::Network;

// 2-3-1, relu hidden, linear output. Unit 3 of the hidden layer is off (θ = −2).
//   W1 = [[1, −1], [0.5, 2], [−1, 0]], b1 = [0.1, −0.5, 0]; W2 = [[0.3, −0.2, 0.7]], b2 = [0.05]
Network relu_net() {
  Network net = bptest::make_net({{2, ActivationId::Linear}, {3, ActivationId::Relu}, {1, ActivationId::Linear}});
  net.params() = {1, -1, 0.5, 2, -1, 0, 0.1, -0.5, 0, 0.3, -0.2, 0.7, 0.05};
  return net;
}

TEST(Pass, TraceResizeMatchesNetwork) {
  Network net = relu_net();
  bp::Trace tr;
  tr.resize(net);
  ASSERT_EQ(tr.theta.size(), 3u);
  ASSERT_EQ(tr.y.size(), 3u);
  ASSERT_EQ(tr.dE_dy.size(), 3u);
  ASSERT_EQ(tr.dE_dtheta.size(), 3u);
  for (int l = 0; l < 3; ++l) {
    EXPECT_EQ(tr.y[l].size(), std::size_t(net.size(l)));
    EXPECT_EQ(tr.dE_dy[l].size(), std::size_t(net.size(l)));
    if (l > 0) {
      EXPECT_EQ(tr.theta[l].size(), std::size_t(net.size(l)));
      EXPECT_EQ(tr.dE_dtheta[l].size(), std::size_t(net.size(l)));
    }
  }
}

// A trace kept from a network of the same depth but other widths (the lab's inspector keeps one
// across architecture changes) is reshaped, not overrun: the monkey test found the overrun.
TEST(Pass, ForwardReshapesATraceFromANetworkOfOtherWidths) {
  Network wide = bptest::make_net({{2, ActivationId::Linear}, {7, ActivationId::Tanh}, {1, ActivationId::Linear}});
  Network net = relu_net();
  bp::Trace kept;
  kept.resize(net);
  EXPECT_TRUE(kept.fits(net));
  EXPECT_FALSE(kept.fits(wide));
  for (double& p : wide.params()) p = 0.1;
  const double x[2] = {2, 1};
  bp::forward(wide, x, &kept);
  ASSERT_TRUE(kept.fits(wide));
  bp::Trace fresh;
  bp::forward(wide, x, &fresh);
  EXPECT_EQ(kept.y, fresh.y);
  EXPECT_EQ(kept.theta[1], fresh.theta[1]);
}

TEST(Pass, ForwardByHand) {
  Network net = relu_net();
  bp::Trace tr;
  tr.resize(net);
  const double x[2] = {2, 1};
  bp::forward(net, x, &tr);
  EXPECT_EQ(tr.y[0][0], 2.0);
  EXPECT_EQ(tr.y[0][1], 1.0);
  // θ1 = (2 − 1 + 0.1, 1 + 2 − 0.5, −2) = (1.1, 2.5, −2), y1 = (1.1, 2.5, 0)
  EXPECT_NEAR(tr.theta[1][0], 1.1, 1e-15);
  EXPECT_NEAR(tr.theta[1][1], 2.5, 1e-15);
  EXPECT_NEAR(tr.theta[1][2], -2.0, 1e-15);
  EXPECT_NEAR(tr.y[1][0], 1.1, 1e-15);
  EXPECT_NEAR(tr.y[1][1], 2.5, 1e-15);
  EXPECT_EQ(tr.y[1][2], 0.0);
  // θ2 = 0.33 − 0.5 + 0 + 0.05 = −0.12
  EXPECT_NEAR(tr.theta[2][0], -0.12, 1e-15);
  EXPECT_NEAR(tr.y[2][0], -0.12, 1e-15);
}

TEST(Pass, BackwardByHand) {
  Network net = relu_net();
  bp::Trace tr;
  tr.resize(net);
  const double x[2] = {2, 1}, t[1] = {0.5};
  bp::forward(net, x, &tr);
  std::vector<double> grad(net.num_params(), 0.0);
  bp::backward(net, bp::loss(LossId::HalfSse), t, &tr, grad.data(), 1.0);
  EXPECT_NEAR(tr.loss, 0.5 * 0.62 * 0.62, 1e-15);  // ½ (0.5 − (−0.12))²
  EXPECT_NEAR(tr.dE_dy[2][0], -0.62, 1e-15);
  EXPECT_NEAR(tr.dE_dtheta[2][0], -0.62, 1e-15);
  // ∂E/∂y1 = W2ᵀ · (−0.62) = (−0.186, 0.124, −0.434); relu′ = (1, 1, 0)
  EXPECT_NEAR(tr.dE_dy[1][0], -0.186, 1e-15);
  EXPECT_NEAR(tr.dE_dy[1][1], 0.124, 1e-15);
  EXPECT_NEAR(tr.dE_dy[1][2], -0.434, 1e-15);
  EXPECT_NEAR(tr.dE_dtheta[1][0], -0.186, 1e-15);
  EXPECT_NEAR(tr.dE_dtheta[1][1], 0.124, 1e-15);
  EXPECT_EQ(tr.dE_dtheta[1][2], 0.0);
  const std::vector<double> expected = {
      -0.372, -0.186, 0.248, 0.124, 0, 0,  // W1: ∂E/∂θ1_j · x_i
      -0.186, 0.124, 0,                     // b1
      -0.682, -1.55, 0,                     // W2: −0.62 · y1_i
      -0.62};                               // b2
  for (std::size_t p = 0; p < expected.size(); ++p) EXPECT_NEAR(grad[p], expected[p], 1e-14) << p;
}

TEST(Pass, BackwardAccumulatesScaledAndAcceptsNullGrad) {
  Network net = relu_net();
  bp::Trace tr;
  tr.resize(net);
  const double x[2] = {2, 1}, t[1] = {0.5};
  bp::forward(net, x, &tr);
  std::vector<double> grad(net.num_params(), 1.0);
  bp::backward(net, bp::loss(LossId::HalfSse), t, &tr, grad.data(), 0.5);
  EXPECT_NEAR(grad[0], 1 - 0.5 * 0.372, 1e-15);
  EXPECT_NEAR(grad[4], 1.0, 1e-15);
  EXPECT_NEAR(grad[12], 1 - 0.5 * 0.62, 1e-15);
  bp::Trace tr2;
  tr2.resize(net);
  bp::forward(net, x, &tr2);
  bp::backward(net, bp::loss(LossId::HalfSse), t, &tr2, nullptr, 1.0);
  EXPECT_NEAR(tr2.loss, 0.1922, 1e-15);
  EXPECT_NEAR(tr2.dE_dtheta[1][0], -0.186, 1e-15);
}

TEST(Pass, SoftmaxCrossEntropyIsFused) {
  // W = 0, b = (0, ln 2, ln 5): y = (1/8, 2/8, 5/8) whatever the input; t = (0, 0, 1).
  Network net = bptest::make_net({{2, ActivationId::Linear}, {3, ActivationId::Softmax}});
  net.biases(1)[1] = std::log(2.0);
  net.biases(1)[2] = std::log(5.0);
  bp::Trace tr;
  tr.resize(net);
  const double x[2] = {1, -2}, t[3] = {0, 0, 1};
  bp::forward(net, x, &tr);
  EXPECT_NEAR(tr.y[1][2], 0.625, 1e-15);
  std::vector<double> grad(net.num_params(), 0.0);
  bp::backward(net, bp::loss(LossId::Ce), t, &tr, grad.data(), 1.0);
  EXPECT_NEAR(tr.loss, std::log(1.6), 1e-14);
  const double d[3] = {0.125, 0.25, -0.375};  // y − t
  for (int j = 0; j < 3; ++j) {
    EXPECT_NEAR(tr.dE_dtheta[1][j], d[j], 1e-15);
    EXPECT_NEAR(grad[2 * j + 0], d[j] * 1, 1e-15);
    EXPECT_NEAR(grad[2 * j + 1], d[j] * -2, 1e-15);
    EXPECT_NEAR(grad[6 + j], d[j], 1e-15);
  }
}

TEST(Pass, SigmoidBceIsFusedAndFiniteWhenSaturated) {
  // One sigmoid output with θ = 60 (y rounds to 1) and target 0: ∂E/∂θ = y − t = 1, E ≈ 60.
  Network net = bptest::make_net({{1, ActivationId::Linear}, {1, ActivationId::Sigmoid}});
  net.params() = {30, 0};
  bp::Trace tr;
  tr.resize(net);
  const double x[1] = {2}, t[1] = {0};
  bp::forward(net, x, &tr);
  std::vector<double> grad(2, 0.0);
  bp::backward(net, bp::loss(LossId::Bce), t, &tr, grad.data(), 1.0);
  EXPECT_NEAR(tr.loss, 60.0, 1e-9);
  EXPECT_NEAR(tr.dE_dtheta[1][0], 1.0, 1e-12);
  EXPECT_NEAR(grad[0], 2.0, 1e-12);
  EXPECT_NEAR(grad[1], 1.0, 1e-12);
}

TEST(Pass, CheckLossBindsBceAndCeToTheirOutputs) {
  Network sig = bptest::make_net({{2, ActivationId::Linear}, {2, ActivationId::Sigmoid}});
  Network soft = bptest::make_net({{2, ActivationId::Linear}, {2, ActivationId::Softmax}});
  Network lin = bptest::make_net({{2, ActivationId::Linear}, {2, ActivationId::Linear}});
  EXPECT_TRUE(bp::check_loss(sig, bp::loss(LossId::Bce)).is_ok());
  EXPECT_TRUE(bp::check_loss(soft, bp::loss(LossId::Ce)).is_ok());
  for (const Network* n : {&sig, &soft, &lin}) {
    EXPECT_TRUE(bp::check_loss(*n, bp::loss(LossId::HalfSse)).is_ok());
    EXPECT_TRUE(bp::check_loss(*n, bp::loss(LossId::Mse)).is_ok());
  }
  bp::Status s = bp::check_loss(sig, bp::loss(LossId::Ce));
  EXPECT_FALSE(s.is_ok());
  EXPECT_TRUE(bptest::contains(s.message(), "softmax")) << s.message();
  s = bp::check_loss(lin, bp::loss(LossId::Bce));
  EXPECT_FALSE(s.is_ok());
  EXPECT_TRUE(bptest::contains(s.message(), "sigmoid")) << s.message();
  EXPECT_FALSE(bp::check_loss(soft, bp::loss(LossId::Bce)).is_ok());
}

}  // namespace
