// The network part of the output-map shader: unit_output(), declared in
// shaders/boundary.frag.glsl, generated for one architecture from the engine's tables of input
// features (engine/input_features.h) and activations (engine/activation.h).
//
// The code is straight-line, one statement per unit, as engine/pass.cpp computes in double
// precision: y<l>_<j> is unit j's output of layer l (layer 0: the selected features),
// g<l>_<q> the group of units 4q … 4q + 3 of layer l that the next layer's dot products take, and
// θ_j = Σ_q dot(W_j's vec4 q, g<l−1>_<q>) + b_j reads the parameters at constant indices
// (boundary_params.h). Software renderers (llvmpipe, SwiftShader) run that several times faster
// than a general evaluator: they pay per lane for every loop, branch and variable index.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "activation.h"
#include "boundary_params.h"

namespace bplab {

// What the generated code depends on: the layer sizes, activations and selected features.
struct NetworkShape {
  int layers = 0;
  std::array<int, boundary_params::kMaxLayers> size{};
  std::array<bp::ActivationId, boundary_params::kMaxLayers> act{};  // of layers ≥ 1
  std::uint32_t features = 0;  // bit k: bp::features()[k] is an input

  bool operator==(const NetworkShape& o) const {
    return layers == o.layers && size == o.size && act == o.act && features == o.features;
  }
};
// The shape of `net` (which boundary_params::fits()) fed with the features in the bit mask.
NetworkShape shape_of(const bp::Network& net, std::uint32_t features);

// GLSL of input feature `name` (a bp::Feature::name) of the pixel's input vec2 x, or nullptr.
const char* feature_glsl(std::string_view name);

// How the shader applies an activation: elementwise ones as a call of a function of
// shaders/boundary.frag.glsl on θ (linear: θ itself); softmax over the whole layer.
struct ActivationGlsl {
  bp::ActivationId id;
  const char* function;  // "act_tanh", …; "" for θ itself; nullptr for softmax
};
// The entry for `id`, or nullptr.
const ActivationGlsl* activation_glsl(bp::ActivationId id);

// unit_output() for `shape`, its parameters at `offset`, computing no further than out_layer and
// returning unit u_unit of it (a uniform, declared only when that layer has several units).
std::string network_glsl(const NetworkShape& shape, const boundary_params::Offsets& offset, int out_layer);

}  // namespace bplab
