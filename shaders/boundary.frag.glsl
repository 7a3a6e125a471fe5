// The network evaluated per pixel: the input (x₁, x₂) of the pixel, the input features, then
// θ = W·y + b and y = f(θ) layer by layer, as engine/pass.cpp does in double precision.
// The program shows one unit's output y: the network's output for the decision boundary map, or a
// hidden unit's (or an input feature's) for the small maps of the network diagram.
//
// Loaded after a "#version" line (300 es on the web, 330 core natively), and with
// "#define RAW_OUTPUT" for the read-back variant that writes y's float bits to an R32UI target
// instead of a colour (tests compare those to the engine).
//
// A layer's outputs live in four vec4 registers a0 … a3 (units 0–3, 4–7, 8–11, 12–15); there are
// no arrays of activations and no loops over units or inputs, only a loop over layers with a
// constant bound and `if (l >= n) break;`. Nothing is indexed by a variable except the uniform
// block, so software renderers (llvmpipe, SwiftShader) keep everything in registers too.
precision highp float;
precision highp int;

const int kMaxLayers = 8;       // input layer + 6 hidden + output (web/core/settings.h)
const int kMaxParamVec4 = 512;  // = BoundaryRenderer::kMaxParamVec4

// The parameters repacked by BoundaryRenderer. Layer l ≥ 1 has ⌈size(l)/4⌉ groups of 4 units;
// unit j's weight row is the 4 vec4 from u_row[l] + 4j, one weight per unit of layer l − 1 (16,
// zero padded), and b_l is the ⌈size(l)/4⌉ vec4 from u_bias[l]. So θ_j is 4 dot products. Layer 1's
// rows are laid out over all 7 features in table order, zero where a feature is not selected.
layout(std140) uniform Params {
  vec4 u_w[kMaxParamVec4];
};

uniform int u_layers;            // L, layers including the input layer
uniform int u_size[kMaxLayers];  // units per layer (entry 0 unused: all 7 features are computed)
uniform int u_act[kMaxLayers];   // bp::ActivationId per layer (entry 0 unused)
uniform int u_row[kMaxLayers];
uniform int u_bias[kMaxLayers];

// Pixel → input: x = u_lo + (gl_FragCoord.xy − u_origin) · u_step, where gl_FragCoord is the
// pixel centre (i + ½, j + ½) and u_origin the viewport's corner; x₂ grows upwards.
uniform vec2 u_origin;
uniform vec2 u_lo;
uniform vec2 u_step;

uniform int u_out_layer;  // the unit shown: layer (0 = input features) …
uniform int u_out_unit;   // … and unit (for layer 0, the feature's index in the table)

#ifdef RAW_OUTPUT
out uint frag_bits;
#else
uniform vec2 u_range;              // values drawn orange (t = 0) and blue (t = 1)
uniform bool u_discrete;           // hard colours: t < ½ orange, t ≥ ½ blue
uniform bool u_contour;            // draw the line t = ½ (y = 0.5 for classification)
uniform float u_line_px;           // its width in device pixels
out vec4 frag_colour;

// Mirror of lab::colour() (web/core/colormap.cpp): orange #f59322 → #e8eaeb → blue #0877bd.
const vec3 kColourLow = vec3(245.0, 147.0, 34.0) / 255.0;
const vec3 kColourMid = vec3(232.0, 234.0, 235.0) / 255.0;
const vec3 kColourHigh = vec3(8.0, 119.0, 189.0) / 255.0;
const vec3 kLineColour = vec3(0.15, 0.16, 0.18);

vec3 colour_map(float t) {
  return t <= 0.5 ? mix(kColourLow, kColourMid, 2.0 * t) : mix(kColourMid, kColourHigh, 2.0 * t - 1.0);
}
#endif

const int kSigmoid = 0, kTanh = 1, kRelu = 2, kLinear = 3, kSoftmax = 4;  // bp::ActivationId

// The current layer's outputs y, units 0–3, 4–7, 8–11, 12–15.
vec4 a0, a1, a2, a3;

// (0,0,0,0) with a 1 at component c.
vec4 one_hot(int c) {
  return vec4(equal(ivec4(c), ivec4(0, 1, 2, 3)));
}

// Which of units 4q … 4q + 3 exist in a layer of n units. mix(·, ·, bvec4) selects, so an inf or
// NaN in a dead lane cannot leak into a live one.
bvec4 live_units(int q, int n) {
  return lessThan(ivec4(4 * q) + ivec4(0, 1, 2, 3), ivec4(n));
}

// Elementwise activations. Sigmoid and tanh use e^−|θ| ≤ 1, so nothing overflows:
//   sigmoid θ = 1 / (1 + e^−θ) = e^θ / (1 + e^θ),   tanh θ = sign θ · (1 − e^−2|θ|) / (1 + e^−2|θ|).
// Softmax is left as θ here and normalised over the layer afterwards.
vec4 activate(vec4 theta, int id) {
  if (id == kSigmoid) {
    vec4 e = exp(-abs(theta));
    return mix(e / (1.0 + e), 1.0 / (1.0 + e), greaterThanEqual(theta, vec4(0.0)));
  }
  if (id == kTanh) {
    vec4 e = exp(-2.0 * abs(theta));
    return sign(theta) * (1.0 - e) / (1.0 + e);
  }
  if (id == kRelu) return max(theta, vec4(0.0));
  return theta;
}

// θ_j = Σ_i w_ji y_i over the 16 (zero padded) inputs, for the weight row starting at r.
float weighted_sum(int r) {
  return dot(u_w[r], a0) + dot(u_w[r + 1], a1) + dot(u_w[r + 2], a2) + dot(u_w[r + 3], a3);
}

// θ of units 4q … 4q + 3 of layer l.
vec4 group_theta(int l, int q) {
  int r = u_row[l] + 16 * q;
  return vec4(weighted_sum(r), weighted_sum(r + 4), weighted_sum(r + 8), weighted_sum(r + 12)) +
         u_w[u_bias[l] + q];
}

// The output y of unit u_out_unit of layer u_out_layer at input x.
float unit_output(vec2 x) {
  // All 7 features of engine/input_features.h in table order: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
  a0 = vec4(x, x * x);
  a1 = vec4(x.x * x.y, sin(x), 0.0);
  a2 = vec4(0.0);
  a3 = vec4(0.0);
  for (int l = 1; l < kMaxLayers; ++l) {
    if (l >= u_layers || l > u_out_layer) break;
    int n = u_size[l];
    int id = u_act[l];
    // Every θ from the previous layer's a0 … a3 before any of them is overwritten.
    vec4 t0 = group_theta(l, 0);
    vec4 t1 = n > 4 ? group_theta(l, 1) : vec4(0.0);
    vec4 t2 = n > 8 ? group_theta(l, 2) : vec4(0.0);
    vec4 t3 = n > 12 ? group_theta(l, 3) : vec4(0.0);
    // Units beyond n stay 0: the next layer's zero-padded weights multiply them.
    a0 = mix(vec4(0.0), activate(t0, id), live_units(0, n));
    a1 = mix(vec4(0.0), activate(t1, id), live_units(1, n));
    a2 = mix(vec4(0.0), activate(t2, id), live_units(2, n));
    a3 = mix(vec4(0.0), activate(t3, id), live_units(3, n));
    if (id == kSoftmax) {
      // y_j = e^(θ_j − m) / Σ_k e^(θ_k − m), m = max θ (the shift cancels and avoids overflow).
      const vec4 kLowest = vec4(-3.4e38);
      vec4 m4 = max(max(mix(kLowest, a0, live_units(0, n)), mix(kLowest, a1, live_units(1, n))),
                    max(mix(kLowest, a2, live_units(2, n)), mix(kLowest, a3, live_units(3, n))));
      float m = max(max(m4.x, m4.y), max(m4.z, m4.w));
      a0 = mix(vec4(0.0), exp(a0 - m), live_units(0, n));
      a1 = mix(vec4(0.0), exp(a1 - m), live_units(1, n));
      a2 = mix(vec4(0.0), exp(a2 - m), live_units(2, n));
      a3 = mix(vec4(0.0), exp(a3 - m), live_units(3, n));
      float sum = dot(a0 + a1 + a2 + a3, vec4(1.0));
      a0 /= sum;
      a1 /= sum;
      a2 /= sum;
      a3 /= sum;
    }
  }
  int u = u_out_unit;
  vec4 group = u < 4 ? a0 : u < 8 ? a1 : u < 12 ? a2 : a3;
  return dot(group, one_hot(u & 3));
}

void main() {
  vec2 x = u_lo + (gl_FragCoord.xy - u_origin) * u_step;
  float y = unit_output(x);
#ifdef RAW_OUTPUT
  frag_bits = floatBitsToUint(y);
#else
  float t = (y - u_range.x) / (u_range.y - u_range.x);
  // Distance to the line t = ½ in pixels: |t − ½| over t's change per pixel. Taken outside any
  // branch, as derivatives need every pixel of the 2×2 quad.
  float line_distance = abs(t - 0.5) / max(fwidth(t), 1e-6);
  vec3 c = colour_map(u_discrete ? step(0.5, t) : clamp(t, 0.0, 1.0));
  if (u_contour) {
    // Anti-aliased over one pixel: full line colour within half the width, none a pixel beyond.
    float half_width = 0.5 * u_line_px;
    c = mix(c, kLineColour, 1.0 - smoothstep(half_width - 0.5, half_width + 0.5, line_distance));
  }
  frag_colour = vec4(c, 1.0);
#endif
}
