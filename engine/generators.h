// Two-dimensional toy data sets, generated under a seed. Inputs lie in about [−1, 1]².
// Classification sets have one target, the class 0 or 1; regression sets one real target.
//   circle  class 1 inside radius 0.5, class 0 in a ring 0.7 … 1.0
//   xor     class 1 where x₁·x₂ > 0 (quadrants), points kept away from the axes
//   gauss   two Gaussian blobs centred at (±0.5, ±0.5), σ = 0.2
//   spiral  two interleaved spirals, one per class
//   plane   t = (x₁ + x₂) / 2
//   sine    t = sin(π x₁) · cos(π x₂) / 2 + 0.5
// noise ∈ [0, 1] scales a Gaussian perturbation of the inputs (classification) or targets
// (regression).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "dataset.h"

namespace bp {

enum class DatasetKind { Circle, Xor, Gauss, Spiral, Plane, Sine };

struct DatasetInfo {
  DatasetKind kind;
  const char* name;
  bool classification;
};

const std::vector<DatasetInfo>& dataset_kinds();
const DatasetInfo* find_dataset_kind(std::string_view name);

Dataset generate_dataset(DatasetKind kind, int samples, double noise, std::uint64_t seed);

}  // namespace bp
