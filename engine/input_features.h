// Input features: functions of the two raw coordinates (x₁, x₂) of the 2-D data sets that the
// learner can feed to the network instead of (or beside) the raw inputs, as in TensorFlow
// Playground. A feature set is a bit mask over the table; the network's input layer has one unit
// per selected feature, in table order.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "dataset.h"

namespace bp {

struct Feature {
  const char* name;   // "x1", "x1^2", … (URL and file form)
  const char* label;  // "x₁", "x₁²", … (UI form)
  double (*f)(double x1, double x2);
};

const std::vector<Feature>& features();  // x1, x2, x1^2, x2^2, x1x2, sin_x1, sin_x2
// Index into features(), or −1.
int find_feature(std::string_view name);

constexpr std::uint32_t kDefaultFeatures = 0b11;  // x₁ and x₂

int feature_count(std::uint32_t mask);
// Maps a 2-input data set to the selected features; targets are copied. raw.n_inputs must be 2.
Dataset apply_features(const Dataset& raw, std::uint32_t mask);
// The selected features of one point into out[feature_count(mask)].
void feature_vector(double x1, double x2, std::uint32_t mask, double* out);

}  // namespace bp
