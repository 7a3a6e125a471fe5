#include "frame_budget.h"

#include <algorithm>

namespace lab {
namespace {

constexpr double kTarget = 0.95;    // aim at ≥ 95 % of the idle frame rate (the goal is 90 %)
constexpr double kIncrease = 0.02;  // additive step, as a fraction of the idle interval
constexpr double kDecrease = 0.9;   // multiplicative back-off
constexpr double kFloor = 0.05;     // the least budget, as a fraction of the idle interval

}  // namespace

double FrameBudget::floor_ms() const { return kFloor * idle_ms_; }

void FrameBudget::observe(double dt_ms, bool training) {
  if (!training) {
    frames_ = -1;
    probe_ = false;
  }
  // A stall (tab in the background, a breakpoint) says nothing about the frame rate.
  const bool valid = dt_ms > 0 && dt_ms <= 250;
  if (!training) {
    if (valid) idle_ms_ += 0.05 * (dt_ms - idle_ms_);
    return;
  }
  if (frames_ < 0) training_ms_ = idle_ms_;
  // dt_ms is the interval of the previous frame (frames_): which kind of frame was it?
  const long previous = frames_ < 0 ? -1 : frames_ % kProbePeriod;
  ++frames_;
  probe_ = frames_ % kProbePeriod >= kProbePeriod - 2;
  if (!valid || previous < 0) return;
  if (previous == kProbePeriod - 1) {
    // The second probe in a row: the floor only, before it and during it.
    idle_ms_ += 0.2 * (dt_ms - idle_ms_);
    return;
  }
  if (previous == kProbePeriod - 2) return;  // the first probe may still feel the full budget
  training_ms_ += 0.1 * (dt_ms - training_ms_);
  if (training_ms_ * kTarget <= idle_ms_)
    budget_ms_ += kIncrease * idle_ms_;
  else
    budget_ms_ *= kDecrease;
  budget_ms_ = std::clamp(budget_ms_, floor_ms(), idle_ms_);
}

}  // namespace lab
