// The networks the output-map shader evaluates, and how their parameters reach it: float vec4s in
// one uniform block, read at constant indices by the code generated for each architecture
// (boundary_shader_source.h).
//
// Layer l ≥ 1 of n units, fed by a layer of m units, takes n·⌈m/4⌉ + ⌈n/4⌉ vec4 from offset[l]
// on: unit j's weights for inputs 4g … 4g + 3 are the vec4 at offset[l] + j·⌈m/4⌉ + g (zero
// padded), the biases of units 4q … 4q + 3 the vec4 at offset[l] + n·⌈m/4⌉ + q.
#pragma once
#include <algorithm>
#include <array>

#include "input_limits.h"
#include "network.h"
#include "settings.h"

namespace bplab::boundary_params {

// The lab's networks (web/core/settings.h): the input layer, up to lab::kMaxHiddenLayers hidden
// layers and the output layer, no layer wider than a hidden layer or the outputs may be.
constexpr int kMaxLayers = lab::kMaxHiddenLayers + 2;
constexpr int kMaxUnits = std::max(lab::kMaxNeurons, lab::kMaxOutputs);
// Parameters as at most 512 vec4: 8 KiB, half the smallest uniform block GL ES 3.0 guarantees.
constexpr int kMaxVec4 = 512;

constexpr int groups(int n) { return (n + 3) / 4; }
constexpr int layer_vec4s(int n_in, int n_out) { return n_out * groups(n_in) + groups(n_out); }

static_assert(kMaxLayers <= bp::kMaxLayers, "the lab's networks are networks the engine can build");
// kMaxLayers layers of kMaxUnits units, the most any network within the limits takes: 7 · 68 = 476.
static_assert((kMaxLayers - 1) * layer_vec4s(kMaxUnits, kMaxUnits) <= kMaxVec4,
              "every network within the limits fits the uniform block");

using Offsets = std::array<int, kMaxLayers>;
using Packed = std::array<float, kMaxVec4 * 4>;

// Whether the shader can evaluate `net`: 2 … kMaxLayers layers of at most kMaxUnits units (whose
// parameters then fit, see above).
bool fits(const bp::Network& net);

// Writes the parameters of `net` (which fits()) into `out` as laid out above, zero padded, and
// where each layer starts into `offset`. Returns the vec4s used.
int pack(const bp::Network& net, Packed* out, Offsets* offset);

}  // namespace bplab::boundary_params
