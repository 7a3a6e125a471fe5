// The median of the last few measurements of a cost, kept in a ring buffer of three: one slow
// measurement (the first after a change, a stall) does not decide. MapRefresh and
// EvaluationRefresh judge their costs by it.
#pragma once

#include <algorithm>
#include <array>

namespace bplab {

class RecentMedian {
 public:
  void add(double value) { values_[count_++ % 3] = value; }
  // The median of the values added, of the last three; 0 before the first (of two: their mean).
  double median() const {
    const double a = values_[0], b = values_[1], c = values_[2];
    switch (std::min(count_, 3)) {
      case 0: return 0.0;
      case 1: return a;
      case 2: return (a + b) / 2;
      default: return std::max(std::min(a, b), std::min(std::max(a, b), c));
    }
  }
  int count() const { return count_; }

 private:
  std::array<double, 3> values_{};
  int count_ = 0;
};

}  // namespace bplab
