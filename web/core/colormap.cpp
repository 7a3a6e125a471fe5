#include "colormap.h"

#include <algorithm>
#include <cmath>

namespace lab {
namespace {

float lerp(float a, float b, float s) { return a + s * (b - a); }

Rgb lerp(Rgb a, Rgb b, float s) { return {lerp(a.r, b.r, s), lerp(a.g, b.g, s), lerp(a.b, b.b, s)}; }

std::uint32_t to_byte(float v) {
  return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

}  // namespace

Rgb colour(double t) {
  if (std::isnan(t)) return kColourMid;
  const float s = static_cast<float>(std::clamp(t, 0.0, 1.0));
  return s <= 0.5f ? lerp(kColourLow, kColourMid, 2.0f * s) : lerp(kColourMid, kColourHigh, 2.0f * s - 1.0f);
}

double normalise(double v, ValueRange range) {
  const double width = range.hi - range.lo;
  if (!(width > 0)) return 0.5;
  return std::clamp((v - range.lo) / width, 0.0, 1.0);
}

Rgb colour(double v, ValueRange range) { return colour(normalise(v, range)); }

ValueRange target_range(const bp::Dataset& a, const bp::Dataset& b, int k, bool classification) {
  if (classification) return {0.0, 1.0};
  double lo = INFINITY, hi = -INFINITY;
  for (const bp::Dataset* d : {&a, &b}) {
    if (k < 0 || k >= d->n_targets) continue;
    for (int s = 0; s < d->size(); ++s) {
      const double t = d->target(s)[k];
      lo = std::min(lo, t);
      hi = std::max(hi, t);
    }
  }
  if (!(hi > lo)) return {0.0, 1.0};
  return {lo, hi};
}

ValueRange activation_range(bp::ActivationId id) {
  if (id == bp::ActivationId::Sigmoid) return {0.0, 1.0};
  return {-1.0, 1.0};
}

// Okabe & Ito (2008), "Color Universal Design": #E69F00 #0072B2 #009E73 #CC79A7 #56B4E9 #D55E00
// #F0E442 #000000.
const Rgb kClassColours[kMaxClassColours] = {
    {230 / 255.0f, 159 / 255.0f, 0 / 255.0f},   {0 / 255.0f, 114 / 255.0f, 178 / 255.0f},
    {0 / 255.0f, 158 / 255.0f, 115 / 255.0f},   {204 / 255.0f, 121 / 255.0f, 167 / 255.0f},
    {86 / 255.0f, 180 / 255.0f, 233 / 255.0f},  {213 / 255.0f, 94 / 255.0f, 0 / 255.0f},
    {240 / 255.0f, 228 / 255.0f, 66 / 255.0f},  {0.0f, 0.0f, 0.0f},
};

const char* class_colour_name(int k) {
  static const char* const names[kMaxClassColours] = {
      "orange", "blue", "bluish green", "reddish purple", "sky blue", "vermillion", "yellow", "black"};
  return k >= 0 && k < kMaxClassColours ? names[k] : "";
}

Rgb class_colour(int k, double p, int classes) {
  const Rgb c = kClassColours[std::clamp(k, 0, kMaxClassColours - 1)];
  const double chance = 1.0 / std::max(classes, 2);
  const double s = std::isnan(p) ? 0.0 : std::clamp((p - chance) / (1.0 - chance), 0.0, 1.0);
  return lerp(kColourMid, c, static_cast<float>(s));
}

std::uint32_t pack_rgba8(Rgb c, float alpha) {
  return to_byte(c.r) | to_byte(c.g) << 8 | to_byte(c.b) << 16 | to_byte(alpha) << 24;
}

}  // namespace lab
