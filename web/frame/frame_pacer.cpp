#include "frame_pacer.h"

#include <algorithm>

namespace bplab {
namespace {

constexpr double kDefaultRefreshMs = 1000.0 / 60.0;
constexpr double kLateBy = 0.5;  // refreshes beyond the asked interval that make a frame late
constexpr double kEarlyBy = 0.5;  // refreshes before the asked interval that a frame may begin

}  // namespace

double FramePacer::refresh_ms() const {
  double shortest = 0;
  for (double s : shortest_)
    if (s > 0 && (shortest == 0 || s < shortest)) shortest = s;
  return shortest > 0 ? shortest : kDefaultRefreshMs;
}

bool FramePacer::due(double since_ms) const {
  return since_ms >= (interval_ - kEarlyBy) * refresh_ms();
}

void FramePacer::restart_window() {
  frames_ = 0;
  late_ = 0;
  skip_next_ = true;
}

void FramePacer::change_interval(int to) {
  interval_ = std::clamp(to, 1, kMaxInterval);
  restart_window();
}

void FramePacer::observe_idle(double dt_ms) {
  if (interval_ == 1) return;
  idle_ms_ += std::max(dt_ms, 0.0);
  if (idle_ms_ < kIdleMs) return;
  idle_ms_ = 0;
  trial_ = true;
  change_interval(1);
}

void FramePacer::observe(double dt_ms, bool drew, bool hold, bool enabled) {
  if (!enabled) {
    if (interval_ != 1) change_interval(1);
    trial_ = false;
    windows_until_trial_ = wait_windows_ = kFirstWaitWindows;
    return;
  }
  if (hold) {
    restart_window();
    return;
  }
  if (!drew) {
    observe_idle(dt_ms);
    return;
  }
  idle_ms_ = 0;
  // A stall (tab in the background, a breakpoint) says nothing about the frame rate.
  if (dt_ms <= 0 || dt_ms > 250) {
    restart_window();
    return;
  }
  if (skip_next_) {
    skip_next_ = false;
    return;
  }
  // refresh period ≈ min over recent frames of dt / interval
  double& shortest = shortest_[shortest_at_];
  const double per_refresh = dt_ms / interval_;
  if (shortest == 0 || per_refresh < shortest) shortest = per_refresh;
  ++frames_;
  if (dt_ms > (interval_ + kLateBy) * refresh_ms()) ++late_;
  // A trial ends as soon as it has too many late frames, so a failed one is short.
  const bool failed_trial = trial_ && frames_ >= kTrialFrames && late_ > kLateToSlow * frames_;
  if (frames_ < kWindow && !failed_trial) return;

  const double late = double(late_) / frames_;
  shortest_at_ = (shortest_at_ + 1) % int(shortest_.size());
  shortest_[shortest_at_] = 0;
  if (trial_) {
    trial_ = false;
    if (failed_trial) {
      wait_windows_ = std::min(2 * wait_windows_, kLongestWaitWindows);
      windows_until_trial_ = wait_windows_;
      change_interval(interval_ + 1);
      return;
    }
    windows_until_trial_ = wait_windows_ = kFirstWaitWindows;
  }
  if (late > kLateToSlow && interval_ < kMaxInterval) {
    windows_until_trial_ = wait_windows_;
    change_interval(interval_ + 1);
  } else if (interval_ > 1 && --windows_until_trial_ <= 0) {
    trial_ = true;
    change_interval(interval_ - 1);
  } else {
    frames_ = late_ = 0;
  }
}

}  // namespace bplab
