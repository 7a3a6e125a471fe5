// The output map's generated shader code without a GPU: it covers every feature and activation of
// the engine's tables, within the lab's size limits, and reads as intended for small networks.
// boundary_shader_test.cpp checks the values it computes against the engine.
#include <gtest/gtest.h>

#include <string>

#include "activation.h"
#include "boundary_params.h"
#include "boundary_shader_source.h"
#include "input_features.h"
#include "network.h"
#include "settings.h"

namespace {

using bplab::boundary_params::Offsets;
using bplab::boundary_params::Packed;

bp::Network make_network(const std::vector<bp::LayerSpec>& layers) {
  bp::Network net;
  const bp::Status st = bp::Network::create(layers, &net);
  EXPECT_TRUE(st.is_ok()) << st.message();
  return net;
}

// The code for the output layer of `net` fed with `features`.
std::string output_glsl(const bp::Network& net, std::uint32_t features) {
  Packed packed;
  Offsets offset;
  bplab::boundary_params::pack(net, &packed, &offset);
  return bplab::network_glsl(bplab::shape_of(net, features), offset, net.num_layers() - 1);
}

TEST(BoundaryShaderSource, HasGlslForEveryFeatureOfTheEngine) {
  for (const bp::Feature& f : bp::features()) EXPECT_NE(bplab::feature_glsl(f.name), nullptr) << f.name;
}

// Elementwise activations are called on θ; softmax, which has no elementwise pair in the engine,
// is written out over the layer.
TEST(BoundaryShaderSource, HasGlslForEveryActivationOfTheEngine) {
  for (const bp::Activation& a : bp::activations()) {
    const bplab::ActivationGlsl* glsl = bplab::activation_glsl(a.id);
    ASSERT_NE(glsl, nullptr) << a.name;
    EXPECT_EQ(glsl->id, a.id) << a.name;
    EXPECT_EQ(glsl->function == nullptr, a.f == nullptr) << a.name;
  }
}

TEST(BoundaryShaderSource, WritesOneStatementPerUnit) {
  const bp::Network net = make_network({{2, bp::ActivationId::Linear}, {1, bp::ActivationId::Sigmoid}});
  EXPECT_EQ(output_glsl(net, bp::kDefaultFeatures),
            "layout(std140) uniform Params {\n"
            "  vec4 u_w[2];\n"
            "};\n"
            "float unit_output(vec2 x) {\n"
            "  float y0_0 = x.x;\n"
            "  float y0_1 = x.y;\n"
            "  vec2 g0_0 = vec2(y0_0, y0_1);\n"
            "  float y1_0 = act_sigmoid(dot(u_w[0].xy, g0_0) + u_w[1].x);\n"
            "  return y1_0;\n"
            "}\n");
}

// y_j = e^(θ_j − m) / Σ_k e^(θ_k − m), m = max θ; the unit shown is picked by u_unit.
TEST(BoundaryShaderSource, WritesSoftmaxOverTheLayer) {
  const bp::Network net = make_network({{1, bp::ActivationId::Linear}, {2, bp::ActivationId::Softmax}});
  EXPECT_EQ(output_glsl(net, 1u << bp::find_feature("x1^2")),
            "layout(std140) uniform Params {\n"
            "  vec4 u_w[3];\n"
            "};\n"
            "uniform int u_unit;\n"
            "float unit_output(vec2 x) {\n"
            "  float y0_0 = x.x * x.x;\n"
            "  float g0_0 = float(y0_0);\n"
            "  float t1_0 = dot(u_w[0].x, g0_0) + u_w[2].x;\n"
            "  float t1_1 = dot(u_w[1].x, g0_0) + u_w[2].y;\n"
            "  float m1 = t1_0;\n"
            "  m1 = max(m1, t1_1);\n"
            "  float e1_0 = exp(t1_0 - m1);\n"
            "  float e1_1 = exp(t1_1 - m1);\n"
            "  float sum1 = e1_0 + e1_1;\n"
            "  float y1_0 = e1_0 / sum1;\n"
            "  float y1_1 = e1_1 / sum1;\n"
            "  g_class = 0.0;\n"
            "  g_prob = y1_0;\n"
            "  g_class = y1_1 > g_prob ? 1.0 : g_class;\n"
            "  g_prob = max(g_prob, y1_1);\n"
            "  return u_unit == 0 ? y1_0 : y1_1;\n"
            "}\n");
}

// The renderer's limits are the lab's (web/core/settings.h), not the engine's larger ones.
TEST(BoundaryShaderSource, FitsTheLabsLargestNetworkAndNoLarger) {
  std::vector<bp::LayerSpec> layers = {{int(bp::features().size()), bp::ActivationId::Linear}};
  for (int h = 0; h < lab::kMaxHiddenLayers; ++h) layers.push_back({lab::kMaxNeurons, bp::ActivationId::Tanh});
  layers.push_back({lab::kMaxOutputs, bp::ActivationId::Softmax});
  EXPECT_TRUE(bplab::boundary_params::fits(make_network(layers)));
  layers.insert(layers.begin() + 1, {lab::kMaxNeurons, bp::ActivationId::Tanh});
  EXPECT_FALSE(bplab::boundary_params::fits(make_network(layers)));
  EXPECT_FALSE(bplab::boundary_params::fits(
      make_network({{2, bp::ActivationId::Linear}, {lab::kMaxNeurons + 1, bp::ActivationId::Sigmoid}})));
}

}  // namespace
