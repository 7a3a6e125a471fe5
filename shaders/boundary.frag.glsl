// One unit's output y over the input plane: the network's output for the decision boundary map, or
// a hidden unit's (or an input feature's) for the small maps of the network diagram.
//
// Loaded after a "#version" line (300 es on the web, 330 core natively), and with
// "#define RAW_OUTPUT" for the read-back variant that writes y's float bits to an R32UI target
// instead of a colour (tests compare those to the engine).
//
// The network itself, unit_output(), is not in this file: web/platform/boundary_shader_source.cpp
// generates it for each architecture (layer sizes, activations, selected features) and
// GlBoundaryRenderer appends it to this source. It is
// straight-line code, θ = W·y + b and y = f(θ) one unit at a time as engine/pass.cpp does in
// double precision, reading the parameters from a uniform block at constant indices. Software
// renderers (llvmpipe, SwiftShader) run that several times faster than a general network
// evaluator: they pay per lane for every dynamically indexed uniform and every loop or branch.
precision highp float;
precision highp int;

// y of the unit shown at input x (generated; see above).
float unit_output(vec2 x);
// For an output layer of several units, unit_output() also sets the winning class (the first
// unit of largest y, as a float) and its y, the class's probability under softmax.
float g_class = 0.0;
float g_prob = 0.0;
// Each pixel coloured by its winning class instead of one unit's y (several output units only).
uniform bool u_class_map;

// Pixel → input: x = u_lo + (gl_FragCoord.xy − u_origin) · u_step, where gl_FragCoord is the
// pixel centre (i + ½, j + ½) and u_origin the viewport's corner; x₂ grows upwards.
uniform vec2 u_origin;
uniform vec2 u_lo;
uniform vec2 u_step;

#ifdef RAW_OUTPUT
out uint frag_bits;
#else
uniform vec2 u_range;              // values drawn orange (t = 0) and blue (t = 1)
uniform bool u_discrete;           // hard colours: t < ½ orange, t ≥ ½ blue
uniform bool u_contour;            // draw the line t = ½ (y = 0.5 for classification)
uniform float u_line_px;           // its width in device pixels
uniform vec3 u_class_colour[8];    // class map: lab::kClassColours (web/core/colormap.h)
uniform float u_classes;           // class map: K, the number of classes
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

// The elementwise activations the generated code calls (its kActivationGlsl names them; softmax
// it writes out itself, as it normalises over the layer). Sigmoid and tanh use e^−|θ| ≤ 1, so nothing overflows:
//   sigmoid θ = 1 / (1 + e^−θ) = e^θ / (1 + e^θ),   tanh θ = sign θ · (1 − e^−2|θ|) / (1 + e^−2|θ|).
float act_sigmoid(float theta) {
  float e = exp(-abs(theta));
  return theta >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}
float act_tanh(float theta) {
  float e = exp(-2.0 * abs(theta));
  return sign(theta) * (1.0 - e) / (1.0 + e);
}
float act_relu(float theta) { return max(theta, 0.0); }

void main() {
  vec2 x = u_lo + (gl_FragCoord.xy - u_origin) * u_step;
  float y = unit_output(x);
#ifdef RAW_OUTPUT
  // The class map's read-back carries both: 2·class + probability.
  frag_bits = floatBitsToUint(u_class_map ? 2.0 * g_class + g_prob : y);
#else
  // Class map: lab::class_colour(), saturation s = (p − 1/K) / (1 − 1/K) over the middle colour,
  // with a line where the winning class changes.
  float class_edge = fwidth(g_class);
  if (u_class_map) {
    float s = clamp((g_prob - 1.0 / u_classes) / (1.0 - 1.0 / u_classes), 0.0, 1.0);
    vec3 cc = mix(kColourMid, u_class_colour[int(g_class + 0.5)], s);
    if (u_contour && class_edge > 0.0) cc = mix(cc, kLineColour, 0.7);
    frag_colour = vec4(cc, 1.0);
    return;
  }
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
