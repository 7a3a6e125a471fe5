#include "history.h"

#include <cassert>
#include <cmath>
#include <sstream>

namespace lab {

History::History(std::size_t capacity) : capacity_(capacity) { assert(capacity >= 2); }

void History::add(double x, double epoch, double y) {
  // A second value at the same x (e.g. after a change that made no step) replaces the first.
  if (!xs_.empty() && x == xs_.back()) {
    epochs_.back() = epoch;
    ys_.back() = y;
    return;
  }
  if (!xs_.empty() && x - xs_.back() < stride_) return;
  if (xs_.size() == capacity_) {
    // Keep points 0, 2, 4, …: half the points, twice the spacing.
    std::size_t kept = 0;
    for (std::size_t k = 0; k < xs_.size(); k += 2, ++kept) {
      xs_[kept] = xs_[k];
      epochs_[kept] = epochs_[k];
      ys_[kept] = ys_[k];
    }
    xs_.resize(kept);
    epochs_.resize(kept);
    ys_.resize(kept);
    stride_ = stride_ == 0 ? (xs_.size() > 1 ? xs_[1] - xs_[0] : 1) : stride_ * 2;
    if (x - xs_.back() < stride_) return;
  }
  xs_.push_back(x);
  epochs_.push_back(epoch);
  ys_.push_back(y);
}

void History::clear() {
  xs_.clear();
  epochs_.clear();
  ys_.clear();
  stride_ = 0;
}

bool History::y_range(double x_from, double* lo, double* hi) const {
  bool any = false;
  for (std::size_t k = 0; k < xs_.size(); ++k) {
    if (xs_[k] < x_from || !std::isfinite(ys_[k])) continue;
    if (!any || ys_[k] < *lo) *lo = ys_[k];
    if (!any || ys_[k] > *hi) *hi = ys_[k];
    any = true;
  }
  return any;
}

std::string loss_curves_csv(const History& train, const History& test) {
  std::ostringstream os;
  os.precision(17);
  os << "iteration,epoch,loss_train,loss_test\n";
  for (std::size_t k = 0; k < train.size() && k < test.size(); ++k)
    os << train.xs()[k] << "," << train.epochs()[k] << "," << train.ys()[k] << "," << test.ys()[k] << "\n";
  return os.str();
}

}  // namespace lab
