#include "boundary_shader_source.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "input_features.h"

namespace bplab {
namespace {

using boundary_params::groups;

// GLSL of each input feature of engine/input_features.cpp, keyed by its name.
struct FeatureGlsl {
  const char* name;
  const char* glsl;
};
constexpr FeatureGlsl kFeatureGlsl[] = {
    {"x1", "x.x"},          {"x2", "x.y"},          {"x1^2", "x.x * x.x"},  {"x2^2", "x.y * x.y"},
    {"x1x2", "x.x * x.y"},  {"sin_x1", "sin(x.x)"}, {"sin_x2", "sin(x.y)"},
};
static_assert(std::size(kFeatureGlsl) <= boundary_params::kMaxUnits, "all features fit the input layer");

// Indexed by bp::ActivationId.
constexpr ActivationGlsl kActivationGlsl[] = {
    {bp::ActivationId::Sigmoid, "act_sigmoid"},
    {bp::ActivationId::Tanh, "act_tanh"},
    {bp::ActivationId::Relu, "act_relu"},
    {bp::ActivationId::Linear, ""},
    {bp::ActivationId::Softmax, nullptr},
};
constexpr bool indexed_by_id() {
  for (std::size_t k = 0; k < std::size(kActivationGlsl); ++k)
    if (static_cast<std::size_t>(kActivationGlsl[k].id) != k) return false;
  return true;
}
static_assert(indexed_by_id(), "kActivationGlsl[k].id == k");

// GLSL type of a group of 1 … 4 values, the components of a vec4 that such a group uses, and
// component k of a vec4.
constexpr const char* kGroupType[] = {"", "float", "vec2", "vec3", "vec4"};
constexpr const char* kSwizzle[] = {"", ".x", ".xy", ".xyz", ""};
constexpr const char* kComponent[] = {".x", ".y", ".z", ".w"};

// Values in group q of a layer of n units: 4, except in a last group that is not full.
int group_width(int n, int q) { return std::min(4, n - 4 * q); }

// A value of the generated code: value("y", 1, 3) = "y1_3" (unit 3 of layer 1), value("m", 2) = "m2".
std::string value(const char* kind, int layer, int index) {
  return kind + std::to_string(layer) + "_" + std::to_string(index);
}
std::string value(const char* kind, int layer) { return kind + std::to_string(layer); }

std::string call(const std::string& function, const std::vector<std::string>& args) {
  std::string s = function + "(";
  for (std::size_t k = 0; k < args.size(); ++k) s += (k ? ", " : "") + args[k];
  return s + ")";
}

// Components of vec4 `index` of the parameters.
std::string param(int index, const char* components) {
  return "u_w[" + std::to_string(index) + "]" + components;
}

// The body of unit_output(), one statement a line.
class Body {
 public:
  void declare(const std::string& type, const std::string& name, const std::string& value) {
    text_ += "  " + type + " " + name + " = " + value + ";\n";
  }
  void assign(const std::string& name, const std::string& value) { text_ += "  " + name + " = " + value + ";\n"; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// θ_j of layer l = Σ_q dot(W_j's vec4 q, g<l−1>_<q>) + b_j.
std::string theta(const NetworkShape& shape, const boundary_params::Offsets& offset, int l, int j) {
  const int m = shape.size[l - 1], n = shape.size[l];
  std::string sum;
  for (int q = 0; q < groups(m); ++q)
    sum += call("dot", {param(offset[l] + j * groups(m) + q, kSwizzle[group_width(m, q)]), value("g", l - 1, q)}) +
           " + ";
  return sum + param(offset[l] + n * groups(m) + j / 4, kComponent[j % 4]);
}

// y = softmax(θ) over layer l: y_j = e^(θ_j − m) / Σ_k e^(θ_k − m), m = max θ (the shift cancels
// and keeps e^… ≤ 1).
void softmax_layer(const NetworkShape& shape, const boundary_params::Offsets& offset, int l, Body* body) {
  const int n = shape.size[l];
  for (int j = 0; j < n; ++j) body->declare("float", value("t", l, j), theta(shape, offset, l, j));
  body->declare("float", value("m", l), value("t", l, 0));
  for (int j = 1; j < n; ++j) body->assign(value("m", l), call("max", {value("m", l), value("t", l, j)}));
  for (int j = 0; j < n; ++j) body->declare("float", value("e", l, j), call("exp", {value("t", l, j) + " - " + value("m", l)}));
  std::string sum = value("e", l, 0);
  for (int j = 1; j < n; ++j) sum += " + " + value("e", l, j);
  body->declare("float", value("sum", l), sum);
  for (int j = 0; j < n; ++j) body->declare("float", value("y", l, j), value("e", l, j) + " / " + value("sum", l));
}

}  // namespace

NetworkShape shape_of(const bp::Network& net, std::uint32_t features) {
  NetworkShape shape;
  shape.layers = net.num_layers();
  shape.features = features;
  for (int l = 0; l < shape.layers; ++l) {
    shape.size[l] = net.size(l);
    if (l > 0) shape.act[l] = net.activation(l);
  }
  return shape;
}

const char* feature_glsl(std::string_view name) {
  for (const FeatureGlsl& f : kFeatureGlsl)
    if (name == f.name) return f.glsl;
  return nullptr;
}

const ActivationGlsl* activation_glsl(bp::ActivationId id) {
  const auto k = static_cast<std::size_t>(id);
  return k < std::size(kActivationGlsl) ? &kActivationGlsl[k] : nullptr;
}

std::string network_glsl(const NetworkShape& shape, const boundary_params::Offsets& offset, int out_layer) {
  Body body;
  const std::vector<bp::Feature>& features = bp::features();
  for (std::size_t k = 0, i = 0; k < features.size(); ++k)
    if ((shape.features >> k) & 1u) body.declare("float", value("y", 0, int(i++)), feature_glsl(features[k].name));
  for (int l = 1; l <= out_layer; ++l) {
    const int m = shape.size[l - 1], n = shape.size[l];
    for (int q = 0; q < groups(m); ++q) {
      std::vector<std::string> units;
      for (int k = 0; k < group_width(m, q); ++k) units.push_back(value("y", l - 1, 4 * q + k));
      const char* type = kGroupType[group_width(m, q)];
      body.declare(type, value("g", l - 1, q), call(type, units));
    }
    const char* function = activation_glsl(shape.act[l])->function;
    if (function == nullptr) {
      softmax_layer(shape, offset, l, &body);
      continue;
    }
    for (int j = 0; j < n; ++j) body.declare("float", value("y", l, j), call(function, {theta(shape, offset, l, j)}));
  }
  // The unit shown: a chain of selects on a uniform, so no branch and no indexing.
  const int shown = shape.size[out_layer];
  std::string unit = value("y", out_layer, shown - 1);
  for (int j = shown - 2; j >= 0; --j) unit = "u_unit == " + std::to_string(j) + " ? " + value("y", out_layer, j) + " : " + unit;

  const int last = shape.layers - 1;
  // The winning class of a classifier's output layer (boundary.frag.glsl's g_class, g_prob): the
  // first unit of largest y, by selects as bp::class_of does.
  if (out_layer == last && shown > 1) {
    body.assign("g_class", "0.0");
    body.assign("g_prob", value("y", last, 0));
    for (int j = 1; j < shown; ++j) {
      body.assign("g_class", value("y", last, j) + " > g_prob ? " + std::to_string(j) + ".0 : g_class");
      body.assign("g_prob", call("max", {"g_prob", value("y", last, j)}));
    }
  }
  const int vec4s = offset[last] + boundary_params::layer_vec4s(shape.size[last - 1], shape.size[last]);
  std::string s = "layout(std140) uniform Params {\n  vec4 u_w[" + std::to_string(vec4s) + "];\n};\n";
  if (shown > 1) s += "uniform int u_unit;\n";
  return s + "float unit_output(vec2 x) {\n" + body.text() + "  return " + unit + ";\n}\n";
}

}  // namespace bplab
