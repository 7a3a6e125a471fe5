// Two-dimensional toy data sets, generated under a seed. Inputs lie in about [−1, 1]².
// Two-class sets have one target, the class 0 or 1; sets with K ≥ 3 classes have K targets, one
// per class, one-hot (t_k = 1 for the sample's class k, 0 otherwise); regression sets one real
// target. Classes take turns (sample s has class s mod K), so every class has n/K samples (±1).
//   circle   class 1 inside radius 0.5, class 0 in a ring 0.7 … 1.0
//   xor      class 1 where x₁·x₂ > 0 (quadrants), points kept away from the axes
//   gauss    two Gaussian blobs centred at (±0.5, ±0.5), σ = 0.2
//   spiral   two interleaved spirals, one per class
//   blobs3   three Gaussian blobs, σ = 0.2, centred 0.55 from the origin at 90°, 210° and 330°
//   spiral3  three interleaved spiral arms, one per class (1.25 turns, arms 120° apart)
//   blobs4   four Gaussian blobs, σ = 0.2, centred at (±0.5, ±0.5), class k in quadrant k + 1
//   plane    t = (x₁ + x₂) / 2
//   sine     t = sin(π x₁) · cos(π x₂) / 2 + 0.5
// noise ∈ [0, 1] scales a Gaussian perturbation of the inputs (classification) or targets
// (regression).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "dataset.h"

namespace bp {

enum class DatasetKind { Circle, Xor, Gauss, Spiral, Blobs3, Spiral3, Blobs4, Plane, Sine };

struct DatasetInfo {
  DatasetKind kind;
  const char* name;
  bool classification;
  int classes;  // 2 for the two-class sets, K for the K-class sets, 0 for regression

  // Target columns of a sample: one per class from 3 classes on, else one.
  int targets() const { return classes >= 3 ? classes : 1; }
};

const std::vector<DatasetInfo>& dataset_kinds();
const DatasetInfo* find_dataset_kind(std::string_view name);

Dataset generate_dataset(DatasetKind kind, int samples, double noise, std::uint64_t seed);

}  // namespace bp
