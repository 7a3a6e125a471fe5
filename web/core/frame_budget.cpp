#include "frame_budget.h"

#include <algorithm>

namespace lab {

void FrameBudget::observe(double dt_ms, bool training, double train_ms) {
  // Ignore stalls (tab in the background, a breakpoint): they say nothing about the frame rate.
  if (!(dt_ms > 0) || dt_ms > 250) return;
  if (!training) {
    idle_ms_ += 0.05 * (dt_ms - idle_ms_);
    return;
  }
  const double rest = std::max(0.0, dt_ms - train_ms);
  const double wanted = std::clamp(idle_ms_ / 0.92 - rest, 0.1 * idle_ms_, idle_ms_);
  budget_ms_ += 0.2 * (wanted - budget_ms_);
}

}  // namespace lab
