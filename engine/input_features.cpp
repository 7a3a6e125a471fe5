#include "input_features.h"

#include <cassert>
#include <cmath>

namespace bp {
namespace {

const std::vector<Feature> kFeatures = {
    {"x1", "x₁", [](double x1, double) { return x1; }},
    {"x2", "x₂", [](double, double x2) { return x2; }},
    {"x1^2", "x₁²", [](double x1, double) { return x1 * x1; }},
    {"x2^2", "x₂²", [](double, double x2) { return x2 * x2; }},
    {"x1x2", "x₁x₂", [](double x1, double x2) { return x1 * x2; }},
    {"sin_x1", "sin x₁", [](double x1, double) { return std::sin(x1); }},
    {"sin_x2", "sin x₂", [](double, double x2) { return std::sin(x2); }},
};

}  // namespace

const std::vector<Feature>& features() { return kFeatures; }

int find_feature(std::string_view name) {
  for (std::size_t k = 0; k < kFeatures.size(); ++k)
    if (name == kFeatures[k].name) return static_cast<int>(k);
  return -1;
}

int feature_count(std::uint32_t mask) {
  int n = 0;
  for (std::size_t k = 0; k < kFeatures.size(); ++k) n += (mask >> k) & 1u;
  return n;
}

void feature_vector(double x1, double x2, std::uint32_t mask, double* out) {
  int n = 0;
  for (std::size_t k = 0; k < kFeatures.size(); ++k)
    if ((mask >> k) & 1u) out[n++] = kFeatures[k].f(x1, x2);
}

Dataset apply_features(const Dataset& raw, std::uint32_t mask) {
  assert(raw.n_inputs == 2);
  Dataset out;
  out.n_inputs = feature_count(mask);
  out.n_targets = raw.n_targets;
  out.x.resize(std::size_t(raw.size()) * out.n_inputs);
  for (int s = 0; s < raw.size(); ++s)
    feature_vector(raw.input(s)[0], raw.input(s)[1], mask, out.x.data() + std::size_t(s) * out.n_inputs);
  out.t = raw.t;
  return out;
}

}  // namespace bp
