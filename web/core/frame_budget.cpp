#include "frame_budget.h"

#include <algorithm>

namespace lab {

void FrameBudget::observe(double dt_ms, double asked_ms, bool training) {
  asked_ms_ = asked_ms;
  if (!training) {
    first_ = true;
    budget_ms_ = std::clamp(budget_ms_, floor_ms(), asked_ms_);
    return;
  }
  // A stall (tab in the background, a breakpoint) says nothing about the frame rate.
  const bool stall = dt_ms <= 0 || dt_ms > 250;
  if (!first_ && !stall) {
    if (dt_ms > kLate * asked_ms_)
      budget_ms_ *= kDecrease;
    else
      budget_ms_ += kIncrease * asked_ms_;
  }
  first_ = false;
  budget_ms_ = std::clamp(budget_ms_, floor_ms(), asked_ms_);
}

}  // namespace lab
