#include "frame_budget.h"

#include <algorithm>

namespace bplab {

void FrameBudget::observe(double dt_ms, double refresh_ms, int refreshes, bool training) {
  asked_ms_ = refresh_ms * refreshes;
  if (!training) {
    frames_ = -1;
    budget_ms_ = std::clamp(budget_ms_, floor_ms(), asked_ms_);
    return;
  }
  // The first interval began before Play; the warm-up frames train only the floor.
  if (++frames_ < kWarmUpFrames) {
    budget_ms_ = floor_ms();
    return;
  }
  // A stall (tab in the background, a breakpoint) says nothing about the frame rate.
  if (dt_ms > 0 && dt_ms <= 250) {
    if (dt_ms > kLate * asked_ms_)
      budget_ms_ *= kDecrease;
    else
      budget_ms_ += kIncrease * refreshes * asked_ms_;
  }
  budget_ms_ = std::clamp(budget_ms_, floor_ms(), asked_ms_);
}

}  // namespace bplab
