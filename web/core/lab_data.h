// LabData: the lab's data. The raw points (x₁, x₂) → targets, their split into a training and a
// test set, and the same two sets through the selected input features, which is what the network
// sees. Generated sets come from the engine's generators under the data seed; "custom" data
// (clicked points, an imported CSV, a lesson's data) is kept as given.
#pragma once
#include <cstdint>
#include <string>

#include "dataset.h"
#include "settings.h"

namespace lab {

class LabData {
 public:
  LabData();

  // Draws the generated set the settings name (custom data is kept), splits it by the train ratio
  // under the data seed and applies the features.
  void rebuild(const Settings& s);
  // Recomputes the feature sets from the raw ones (the data itself is unchanged).
  void apply_features(std::uint32_t features);
  // Replaces the data by `all`, split and featured as the settings say.
  void replace(bp::Dataset all, const Settings& s);
  // Adds a training point (x₁, x₂) → target[targets()]. With `was_generated`, the data first
  // becomes exactly the points that are shown (training and test), so that nothing visible moves.
  void add_point(double x1, double x2, const double* target, bool was_generated,
                 std::uint32_t features);
  // Removes every point (custom data with one target).
  void clear(std::uint32_t features);

  const bp::Dataset& raw_train() const { return raw_train_; }  // (x₁, x₂) → target
  const bp::Dataset& raw_test() const { return raw_test_; }
  const bp::Dataset& train() const { return train_; }  // features → target
  const bp::Dataset& test() const { return test_; }
  int targets() const { return raw_all_.n_targets; }
  // Every target is 0 or 1.
  bool classification() const;

 private:
  void split(const Settings& s);

  bp::Dataset raw_all_, raw_train_, raw_test_, train_, test_;
};

}  // namespace lab
