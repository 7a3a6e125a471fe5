#include "lab_data.h"

#include "generators.h"
#include "input_features.h"

namespace lab {

LabData::LabData() { rebuild(Settings{}); }

bool LabData::classification() const {
  for (double t : raw_all_.t)
    if (t != 0.0 && t != 1.0) return false;
  return true;
}

void LabData::rebuild(const Settings& s) {
  if (s.dataset != "custom") {
    const bp::DatasetInfo* kind = bp::find_dataset_kind(s.dataset);
    raw_all_ = bp::generate_dataset(kind->kind, s.samples, s.noise, s.data_seed);
  }
  split(s);
}

void LabData::replace(bp::Dataset all, const Settings& s) {
  raw_all_ = std::move(all);
  split(s);
}

void LabData::split(const Settings& s) {
  bp::split_dataset(raw_all_, s.train_ratio, s.data_seed, &raw_train_, &raw_test_);
  apply_features(s.features);
}

void LabData::apply_features(std::uint32_t features) {
  train_ = bp::apply_features(raw_train_, features);
  test_ = bp::apply_features(raw_test_, features);
}

void LabData::add_point(double x1, double x2, const double* target, bool was_generated,
                        std::uint32_t features) {
  if (was_generated) {
    raw_all_ = raw_train_;
    for (int s = 0; s < raw_test_.size(); ++s) raw_all_.add(raw_test_.input(s), raw_test_.target(s));
  }
  const double x[2] = {x1, x2};
  raw_all_.add(x, target);
  raw_train_.add(x, target);
  train_ = bp::apply_features(raw_train_, features);
}

void LabData::clear(std::uint32_t features) {
  raw_all_ = bp::Dataset{2, 1, {}, {}};
  raw_train_ = raw_all_;
  raw_test_ = raw_all_;
  apply_features(features);
}

}  // namespace lab
