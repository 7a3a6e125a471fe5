// Parameter names (param_names.h): Mazur's weight numbering, the b<layer>.<unit> biases, and
// parsing a name back, with messages naming the bad name and what the network has.
#include "param_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace {

using bp::ActivationId;

const ActivationId Sig = ActivationId::Sigmoid;

TEST(ParamNames, MazurNumberingOfThe2_2_2Net) {
  // Mazur: w1 = i1→h1, w2 = i2→h1, w3 = i1→h2, w4 = i2→h2, w5 = h1→o1, w6 = h2→o1, w7 = h1→o2,
  // w8 = h2→o2 (lesson 5 and tests/cli use these numbers).
  const bp::Network net = bptest::make_net({{2, Sig}, {2, Sig}, {2, Sig}});
  EXPECT_EQ(bp::weight_name(net, 1, 0, 0), "w1");
  EXPECT_EQ(bp::weight_name(net, 1, 0, 1), "w2");
  EXPECT_EQ(bp::weight_name(net, 1, 1, 0), "w3");
  EXPECT_EQ(bp::weight_name(net, 1, 1, 1), "w4");
  EXPECT_EQ(bp::weight_name(net, 2, 0, 0), "w5");
  EXPECT_EQ(bp::weight_name(net, 2, 0, 1), "w6");
  EXPECT_EQ(bp::weight_name(net, 2, 1, 0), "w7");
  EXPECT_EQ(bp::weight_name(net, 2, 1, 1), "w8");
  EXPECT_EQ(bp::bias_name(1, 0), "b1.1");
  EXPECT_EQ(bp::bias_name(2, 1), "b2.2");
  // In the order of params(): W1, b1, W2, b2.
  const std::vector<std::string> want = {"w1", "w2",   "w3",   "w4", "b1.1", "b1.2",
                                         "w5", "w6", "w7", "w8", "b2.1", "b2.2"};
  ASSERT_EQ(net.num_params(), want.size());
  for (std::size_t k = 0; k < want.size(); ++k) EXPECT_EQ(bp::param_name(net, k), want[k]);
}

TEST(ParamNames, NumberingSkipsBiasesAcrossUnevenLayers) {
  // 3-2-4-1: W1 2×3 = w1…w6, W2 4×2 = w7…w14, W3 1×4 = w15…w18.
  const bp::Network net = bptest::make_net({{3, Sig}, {2, Sig}, {4, Sig}, {1, Sig}});
  EXPECT_EQ(bp::weight_name(net, 1, 1, 2), "w6");
  EXPECT_EQ(bp::weight_name(net, 2, 0, 0), "w7");
  EXPECT_EQ(bp::weight_name(net, 2, 3, 1), "w14");
  EXPECT_EQ(bp::weight_name(net, 3, 0, 3), "w18");
  EXPECT_EQ(bp::param_name(net, net.bias_index(2, 3)), "b2.4");
  EXPECT_EQ(bp::param_name(net, net.bias_index(3, 0)), "b3.1");
}

TEST(ParamNames, FindParamInvertsParamNameForEveryParameter) {
  const bp::Network net = bptest::make_net({{3, Sig}, {2, Sig}, {4, Sig}, {1, Sig}});
  for (std::size_t k = 0; k < net.num_params(); ++k) {
    const std::string name = bp::param_name(net, k);
    std::size_t found = 999;
    const bp::Status s = bp::find_param(net, name, &found);
    ASSERT_TRUE(s) << name << ": " << s.message();
    EXPECT_EQ(found, k) << name;
  }
  std::size_t k = 0;
  ASSERT_TRUE(bp::find_param(net, "w7", &k));
  EXPECT_EQ(k, net.param_index(2, 0, 0));
  ASSERT_TRUE(bp::find_param(net, "b2.4", &k));
  EXPECT_EQ(k, net.bias_index(2, 3));
}

TEST(ParamNames, FindParamRefusesWhatIsNotAName) {
  // 2-4-1: w1 … w12, biases b1.1 … b1.4 and b2.1.
  const bp::Network net = bptest::make_net({{2, Sig}, {4, ActivationId::Tanh}, {1, Sig}});
  const char* bad[] = {"w0",   "w13",  "w99", "w",    "w05",  "W5",  " w5",  "w5 ",  "w-1",
                       "w1.1", "b1",   "b2",  "b0.1", "b1.0", "b1.5", "b3.1", "b1.01", "b1.",
                       "b.1",  "b1.1x", "",   "x3",   "w99999999999999999999"};
  for (const char* name : bad) {
    std::size_t k = 12345;
    const bp::Status s = bp::find_param(net, name, &k);
    EXPECT_FALSE(s) << "'" << name << "'";
    EXPECT_EQ(k, 12345u) << "'" << name << "' changed the output";
    EXPECT_EQ(s.message(), "no parameter '" + std::string(name) +
                               "': the network has w1 … w12 and biases b1.1 … b1.4, b2.1");
  }
}

TEST(ParamNames, MessageForASingleWeightNet) {
  const bp::Network net = bptest::make_net({{1, Sig}, {1, Sig}});
  std::size_t k = 0;
  const bp::Status s = bp::find_param(net, "w2", &k);
  EXPECT_EQ(s.message(), "no parameter 'w2': the network has w1 and biases b1.1");
}

}  // namespace
