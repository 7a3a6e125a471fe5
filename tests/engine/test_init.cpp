// Weight initialisation: determinism, the documented ranges and spreads, zero biases.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "init.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::InitId;
using bp::Network;

Network wide_net() {
  return bptest::make_net({{30, ActivationId::Linear}, {20, ActivationId::Tanh}, {10, ActivationId::Sigmoid}});
}

TEST(Init, Names) {
  EXPECT_EQ(std::string(bp::init_name(InitId::Uniform)), "uniform");
  EXPECT_EQ(std::string(bp::init_name(InitId::Xavier)), "xavier");
  EXPECT_EQ(std::string(bp::init_name(InitId::He)), "he");
  for (InitId id : {InitId::Uniform, InitId::Xavier, InitId::He}) {
    InitId found = InitId::Uniform;
    EXPECT_TRUE(bp::find_init(bp::init_name(id), &found));
    EXPECT_EQ(found, id);
  }
  InitId out = InitId::Xavier;
  EXPECT_FALSE(bp::find_init("glorot-normal", &out));
}

TEST(Init, SameSeedSameWeightsAndZeroBiases) {
  for (InitId id : {InitId::Uniform, InitId::Xavier, InitId::He}) {
    SCOPED_TRACE(bp::init_name(id));
    Network a = wide_net(), b = wide_net(), c = wide_net();
    for (double& p : a.params()) p = 7.0;  // must all be overwritten
    bp::initialise(&a, id, 5);
    bp::initialise(&b, id, 5);
    bp::initialise(&c, id, 6);
    EXPECT_EQ(a.params(), b.params());
    EXPECT_NE(a.params(), c.params());
    for (int l = 1; l < a.num_layers(); ++l)
      for (int j = 0; j < a.size(l); ++j) EXPECT_EQ(a.biases(l)[j], 0.0);
    int nonzero = 0;
    for (std::size_t k = 0; k < a.num_params(); ++k) nonzero += a.params()[k] != 0.0;
    EXPECT_EQ(nonzero, int(a.num_weights()));
  }
}

TEST(Init, UniformRange) {
  Network net = wide_net();
  bp::initialise(&net, InitId::Uniform, 1);
  double lo = 1, hi = -1;
  for (int l = 1; l < net.num_layers(); ++l)
    for (int k = 0; k < net.size(l) * net.size(l - 1); ++k) {
      double w = net.weights(l)[k];
      EXPECT_GE(w, -0.5);
      EXPECT_LT(w, 0.5);
      lo = std::min(lo, w);
      hi = std::max(hi, w);
    }
  EXPECT_LT(lo, -0.45);  // 800 draws fill the range
  EXPECT_GT(hi, 0.45);
}

TEST(Init, XavierBoundRespectedPerLayer) {
  Network net = wide_net();
  bp::initialise(&net, InitId::Xavier, 2);
  for (int l = 1; l < net.num_layers(); ++l) {
    const double a = std::sqrt(6.0 / (net.size(l - 1) + net.size(l)));  // √(6/50), √(6/30)
    const int n = net.size(l) * net.size(l - 1);
    double maxabs = 0, sum2 = 0;
    for (int k = 0; k < n; ++k) {
      double w = net.weights(l)[k];
      EXPECT_LE(std::fabs(w), a) << "layer " << l;
      maxabs = std::max(maxabs, std::fabs(w));
      sum2 += w * w;
    }
    EXPECT_GT(maxabs, 0.9 * a) << "layer " << l;  // not a narrower distribution
    EXPECT_NEAR(sum2 / n, a * a / 3, 0.25 * a * a / 3) << "layer " << l;  // U(−a, a) variance
  }
}

TEST(Init, HeStandardDeviation) {
  Network net = bptest::make_net({{200, ActivationId::Linear}, {300, ActivationId::Relu}, {1, ActivationId::Linear}});
  bp::initialise(&net, InitId::He, 3);
  const int n = 300 * 200;
  double sum = 0, sum2 = 0;
  for (int k = 0; k < n; ++k) {
    double w = net.weights(1)[k];
    sum += w;
    sum2 += w * w;
  }
  const double sd = std::sqrt(2.0 / 200);  // 0.1
  double mean = sum / n, var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 0.0, 0.005);                 // σ of the mean ≈ 0.0004
  EXPECT_NEAR(std::sqrt(var), sd, 0.03 * sd);    // sampling error ≈ 0.3 %
  // Layer 2 has fan_in 300.
  double s2 = 0;
  for (int k = 0; k < 300; ++k) s2 += net.weights(2)[k] * net.weights(2)[k];
  EXPECT_NEAR(std::sqrt(s2 / 300), std::sqrt(2.0 / 300), 0.2 * std::sqrt(2.0 / 300));
}

}  // namespace
