// The lab's one colour map, as in TensorFlow Playground: a diverging scale from orange (class 0,
// the low end of a value range) through a near-white middle to blue (class 1, the high end).
// Everything that colours a value by the network's output or a target uses it: data points,
// legends, the per-unit maps and heatmaps. shaders/boundary.frag.glsl mirrors colour() and the
// anchors below; keep the two in step (tests/ui/test_colormap.cpp pins the anchors).
#pragma once
#include <cstdint>

#include "activation.h"
#include "dataset.h"

namespace lab {

struct Rgb {
  float r, g, b;  // 0 … 1, the display's (sRGB-encoded) values, as ImGui colours are
};

// TensorFlow Playground's anchors #f59322, #e8eaeb, #0877bd. The middle is a light grey rather
// than pure white so that the white outlines of test points stay visible on an undecided region.
constexpr Rgb kColourLow = {245 / 255.0f, 147 / 255.0f, 34 / 255.0f};   // t = 0: class 0
constexpr Rgb kColourMid = {232 / 255.0f, 234 / 255.0f, 235 / 255.0f};  // t = 0.5: the boundary
constexpr Rgb kColourHigh = {8 / 255.0f, 119 / 255.0f, 189 / 255.0f};   // t = 1: class 1

// t ∈ [0, 1] (clamped; NaN gives the middle): piecewise linear in RGB,
//   colour(t) = low + 2t (mid − low)            for t ≤ ½
//             = mid + (2t − 1)(high − mid)      for t > ½.
Rgb colour(double t);

// The values drawn at the two ends of the map: lo → t = 0 (orange), hi → t = 1 (blue).
struct ValueRange {
  double lo, hi;
};
// t = (v − lo) / (hi − lo), clamped to [0, 1]; an empty range gives ½.
double normalise(double v, ValueRange range);
// colour(normalise(v, range)).
Rgb colour(double v, ValueRange range);

// The range of a data set's target column k: [0, 1] for classification (targets 0 and 1);
// otherwise the smallest and largest target of `a` and `b` together (e.g. train and test), or
// [0, 1] when they have none or all targets are equal.
ValueRange target_range(const bp::Dataset& a, const bp::Dataset& b, int k, bool classification);
// The range a unit's output is shown over: sigmoid [0, 1] (its whole range), every other
// activation (tanh, ReLU, linear, an input feature) [−1, 1], so that 0 is the middle colour and the
// sign shows as orange or blue.
ValueRange activation_range(bp::ActivationId id);

// Several classes (K ≥ 3 softmax outputs): one colour per class from Okabe & Ito's palette,
// which stays distinguishable with every common colour-vision deficiency (orange, blue, bluish
// green, reddish purple, sky blue, vermillion, yellow, black: class k takes entry k).
constexpr int kMaxClassColours = 8;
extern const Rgb kClassColours[kMaxClassColours];
// Its name, for legends ("orange", …).
const char* class_colour_name(int k);
// The map's colour of a pixel whose winning class k has probability p among K classes: the
// class colour at saturation s = (p − 1/K) / (1 − 1/K) (0 when every class is equally likely,
// 1 when certain), clamped to [0, 1], over the map's middle colour:
//   class_colour = mid + s · (kClassColours[k] − mid).
// shaders/boundary.frag.glsl computes the same from the palette it is given as uniforms.
Rgb class_colour(int k, double p, int classes);

// ImGui's packed colour (IM_COL32: R in the low byte, then G, B, A); alpha ∈ [0, 1].
std::uint32_t pack_rgba8(Rgb c, float alpha = 1.0f);

}  // namespace lab
