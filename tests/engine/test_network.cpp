// Network::create: validation before allocation, and the documented flat parameter layout.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "input_limits.h"
#include "network.h"
#include "test_util.h"

namespace {

using bp::ActivationId;
using bp::LayerSpec;
using bp::Network;

const ActivationId Sig = ActivationId::Sigmoid;

TEST(Network, LayoutOfA2_3_1Net) {
  Network net = bptest::make_net({{2, Sig}, {3, ActivationId::Tanh}, {1, Sig}});
  EXPECT_EQ(net.num_layers(), 3);
  EXPECT_EQ(net.input_size(), 2);
  EXPECT_EQ(net.output_size(), 1);
  EXPECT_EQ(net.size(1), 3);
  EXPECT_EQ(net.activation(1), ActivationId::Tanh);
  EXPECT_EQ(net.activation(2), Sig);
  EXPECT_EQ(net.max_width(), 3);
  // params = [W1 (3×2), b1 (3), W2 (1×3), b2 (1)]
  EXPECT_EQ(net.num_params(), 13u);
  EXPECT_EQ(net.num_weights(), 9u);
  EXPECT_EQ(net.weight_offset(1), 0u);
  EXPECT_EQ(net.bias_offset(1), 6u);
  EXPECT_EQ(net.weight_offset(2), 9u);
  EXPECT_EQ(net.bias_offset(2), 12u);
  // A fresh network is zero (model files without weights rely on it).
  for (double p : net.params()) EXPECT_EQ(p, 0.0);
  EXPECT_TRUE(net.is_finite());

  for (std::size_t k = 0; k < net.num_params(); ++k) net.params()[k] = double(k);
  EXPECT_EQ(net.weight(1, 2, 1), 5.0);  // row 2, column 1 of a 3×2 matrix
  EXPECT_EQ(net.biases(1)[2], 8.0);
  EXPECT_EQ(net.weight(2, 0, 2), 11.0);
  EXPECT_EQ(net.biases(2)[0], 12.0);
}

TEST(Network, ParamIndexBiasIndexAndParamRefFollowTheLayout) {
  // 2-3-1: params = [w_00 w_01 w_10 w_11 w_20 w_21 | b_0 b_1 b_2 | w_00 w_01 w_02 | b_0], written
  // out by hand.
  Network net = bptest::make_net({{2, Sig}, {3, ActivationId::Tanh}, {1, Sig}});
  EXPECT_EQ(net.param_index(1, 0, 0), 0u);
  EXPECT_EQ(net.param_index(1, 0, 1), 1u);
  EXPECT_EQ(net.param_index(1, 2, 1), 5u);
  EXPECT_EQ(net.bias_index(1, 0), 6u);
  EXPECT_EQ(net.bias_index(1, 2), 8u);
  EXPECT_EQ(net.param_index(2, 0, 0), 9u);
  EXPECT_EQ(net.param_index(2, 0, 2), 11u);
  EXPECT_EQ(net.bias_index(2, 0), 12u);

  const struct {
    std::size_t k;
    int layer, unit, input;
  } refs[] = {{0, 1, 0, 0},  {1, 1, 0, 1},  {4, 1, 2, 0},  {5, 1, 2, 1}, {6, 1, 0, -1},
              {8, 1, 2, -1}, {9, 2, 0, 0}, {11, 2, 0, 2}, {12, 2, 0, -1}};
  for (const auto& r : refs) {
    const Network::ParamRef got = net.param_ref(r.k);
    EXPECT_EQ(got.layer, r.layer) << "k = " << r.k;
    EXPECT_EQ(got.unit, r.unit) << "k = " << r.k;
    EXPECT_EQ(got.input, r.input) << "k = " << r.k;
    EXPECT_EQ(got.is_bias(), r.input < 0) << "k = " << r.k;
  }
}

TEST(Network, ParamRefInvertsParamIndexAndBiasIndexOnADeepNet) {
  Network net = bptest::make_net({{4, Sig}, {5, Sig}, {1, Sig}, {3, Sig}, {2, ActivationId::Softmax}});
  std::vector<int> seen(net.num_params(), 0);
  for (int l = 1; l < net.num_layers(); ++l) {
    for (int j = 0; j < net.size(l); ++j) {
      for (int i = 0; i < net.size(l - 1); ++i) {
        const std::size_t k = net.param_index(l, j, i);
        ASSERT_LT(k, net.num_params());
        ++seen[k];
        const Network::ParamRef r = net.param_ref(k);
        EXPECT_TRUE(r.layer == l && r.unit == j && r.input == i) << "w_ji of layer " << l;
      }
      const std::size_t k = net.bias_index(l, j);
      ASSERT_LT(k, net.num_params());
      ++seen[k];
      const Network::ParamRef r = net.param_ref(k);
      EXPECT_TRUE(r.layer == l && r.unit == j && r.is_bias()) << "b_j of layer " << l;
    }
  }
  for (std::size_t k = 0; k < seen.size(); ++k) EXPECT_EQ(seen[k], 1) << "k = " << k;  // a bijection
}

TEST(Network, LayoutOfADeeperNet) {
  Network net = bptest::make_net({{4, Sig}, {5, Sig}, {3, Sig}, {2, ActivationId::Softmax}});
  // W1 5×4 = 20, b1 5, W2 3×5 = 15, b2 3, W3 2×3 = 6, b3 2.
  EXPECT_EQ(net.weight_offset(1), 0u);
  EXPECT_EQ(net.weight_offset(2), 25u);
  EXPECT_EQ(net.weight_offset(3), 43u);
  EXPECT_EQ(net.bias_offset(3), 49u);
  EXPECT_EQ(net.num_params(), 51u);
  EXPECT_EQ(net.num_weights(), 41u);
  EXPECT_EQ(net.max_width(), 5);
}

TEST(Network, IsFiniteDetectsNanAndInf) {
  Network net = bptest::make_net({{1, Sig}, {1, Sig}});
  net.params()[1] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(net.is_finite());
  net.params()[1] = -std::numeric_limits<double>::infinity();
  EXPECT_FALSE(net.is_finite());
  net.params()[1] = 1e308;
  EXPECT_TRUE(net.is_finite());
}

TEST(Network, AcceptsTheLimits) {
  Network a;
  EXPECT_TRUE(Network::create({{bp::kMaxUnits, Sig}, {1, Sig}}, &a).is_ok());
  std::vector<LayerSpec> deep(bp::kMaxLayers, LayerSpec{1, ActivationId::Relu});
  Network b;
  EXPECT_TRUE(Network::create(deep, &b).is_ok());
  EXPECT_EQ(b.num_layers(), bp::kMaxLayers);
  // The input layer's activation is ignored, so softmax there is harmless.
  Network c;
  EXPECT_TRUE(Network::create({{2, ActivationId::Softmax}, {2, ActivationId::Softmax}}, &c).is_ok());
}

TEST(Network, RejectsBadArchitecturesWithoutTouchingOutput) {
  const std::vector<std::vector<LayerSpec>> bad = {
      {},                                                          // no layers
      {{3, Sig}},                                                  // one layer
      {{0, Sig}, {1, Sig}},                                        // empty input
      {{2, Sig}, {0, Sig}, {1, Sig}},                              // empty hidden layer
      {{2, Sig}, {-3, Sig}},                                       // negative size
      {{2, Sig}, {bp::kMaxUnits + 1, Sig}, {1, Sig}},              // too wide
      {{bp::kMaxUnits + 1, Sig}, {1, Sig}},                        // input too wide
      std::vector<LayerSpec>(bp::kMaxLayers + 1, LayerSpec{1, Sig}),  // too deep
      {{2, Sig}, {3, ActivationId::Softmax}, {2, ActivationId::Softmax}},  // softmax hidden
  };
  for (std::size_t c = 0; c < bad.size(); ++c) {
    SCOPED_TRACE("case " + std::to_string(c));
    Network out = bptest::make_net({{2, Sig}, {2, Sig}, {1, Sig}});
    out.params()[3] = 0.25;
    const Network before = out;
    bp::Status s = Network::create(bad[c], &out);
    EXPECT_FALSE(s.is_ok());
    EXPECT_FALSE(static_cast<bool>(s));
    EXPECT_FALSE(s.message().empty());
    EXPECT_TRUE(bptest::same_layers(out, before));
    EXPECT_EQ(out.params(), before.params());
  }
}

}  // namespace
