#include "frame_budget.h"

#include <algorithm>
#include <cmath>

namespace lab {

void FrameBudget::observe(double dt_ms, bool training) {
  // Ignore stalls (tab in the background, a breakpoint): they say nothing about the frame rate.
  if (!(dt_ms > 0) || dt_ms > 250) return;
  if (!training) {
    idle_ms_ += 0.05 * (dt_ms - idle_ms_);
    return;
  }
  if (dt_ms > idle_ms_ / 0.92)
    budget_ms_ *= 0.85;
  else
    budget_ms_ += 0.02 * idle_ms_;
  budget_ms_ = std::clamp(budget_ms_, 0.5, idle_ms_);
}

}  // namespace lab
